/** "Waiting for me": the requests whose current approval step names me or one of my groups, and the decision. */
package io.itsmhub.hub.console.approval;
