/** Approvals delegated to the OA system and its signed decisions back. Start at {@link io.itsmhub.hub.oa.OaApprovalRoute}. */
package io.itsmhub.hub.oa;
