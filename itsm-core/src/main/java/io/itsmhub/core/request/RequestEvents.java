package io.itsmhub.core.request;

import java.util.Map;

/** What the request feature tells the rest of the hub (through the outbox). */
public final class RequestEvents {
    private RequestEvents() { }

    public record RequestSubmitted(String number, String catalogItem, String requester, Map<String, Object> values) { }

    public record RequestApprovalRequested(String number, String catalogItem, String requester) { }

    /** Fulfilment routes start on this one. */
    public record RequestApproved(String number, String catalogItem, String requester, String approver) { }

    public record RequestRejected(String number, String requester, String approver, String comment) { }

    public record RequestSlaBreached(String number, String requester, String assignmentGroup, String assignee) { }

    public record RequestTransitioned(String number, String action, RequestStatus from, RequestStatus to, String actor) { }
}
