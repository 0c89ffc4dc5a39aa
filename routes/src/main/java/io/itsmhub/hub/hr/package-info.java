/** The HR feed into the hub: a JSON webhook and an optional CSV drop folder. Start at {@link io.itsmhub.hub.hr.HrFeedRoute}. */
package io.itsmhub.hub.hr;
