/**
 * Approvals delegated to the organisation's OA system: the hub records what it handed over, and takes the OA's
 * decision back once (a replayed callback is refused) as the person who decided, under the same rules as in the hub.
 */
package io.itsmhub.core.request.oa;
