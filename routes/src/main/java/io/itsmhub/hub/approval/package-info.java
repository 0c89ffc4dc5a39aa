/** Approvals: unanswered steps escalate to the approvers' managers. */
package io.itsmhub.hub.approval;
