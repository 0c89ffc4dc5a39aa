package io.itsmhub.connectors.oa;

import java.net.URI;

/**
 * One approval the hub asks the OA system to run; posted as JSON with exactly these field names.
 *
 * @param approvalId the hub's id of the approval, echoed back in the decision; required
 * @param ticket     the ticket's number, e.g. {@code CHG-000123}
 * @param title      the ticket's title
 * @param requester  who asks (user name or e-mail, as the OA system knows people)
 * @param approver   who must decide
 * @param summary    what is to be approved, as plain text
 * @param link       the ticket in the hub's UI, or null
 */
public record OaApprovalRequest(String approvalId, String ticket, String title, String requester, String approver,
        String summary, URI link) {

    public OaApprovalRequest {
        if (approvalId == null || approvalId.isBlank()) {
            throw new IllegalArgumentException("an OA approval request needs the hub's approvalId");
        }
    }
}
