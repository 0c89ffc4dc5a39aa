package io.itsmhub.core.request;

import java.util.List;
import java.util.Map;

/** What the request feature tells the rest of the hub (through the outbox). */
public final class RequestEvents {
    private RequestEvents() { }

    public record RequestSubmitted(String number, String catalogItem, String requester, Map<String, Object> values) { }

    /** A step of the approval chain waits: {@code approvers} are usernames and {@code group:<name>} entries. */
    public record RequestApprovalRequested(String number, String catalogItem, String requester, String step,
                                           String kind, List<String> approvers, boolean escalated) { }

    /** Fulfilment routes start on this one. */
    public record RequestApproved(String number, String catalogItem, String requester, String approver) { }

    public record RequestRejected(String number, String requester, String approver, String comment) { }

    public record RequestSlaBreached(String number, String requester, String assignmentGroup, String assignee) { }

    public record RequestTransitioned(String number, String action, RequestStatus from, RequestStatus to, String actor) { }
}
