package io.itsmhub.core.request;

import io.itsmhub.core.outbox.EventName;
import java.util.List;
import java.util.Map;

/** What the request feature tells the rest of the hub (through the outbox). */
public final class RequestEvents {
    private RequestEvents() { }

    @EventName("RequestSubmitted")
    public record RequestSubmitted(String number, String catalogItem, String requester, Map<String, Object> values) { }

    /** A step of the approval chain waits: {@code approvers} are usernames and {@code group:<name>} entries. */
    @EventName("RequestApprovalRequested")
    public record RequestApprovalRequested(String number, String catalogItem, String requester, String step,
                                           String kind, List<String> approvers, boolean escalated) { }

    /** Fulfilment routes start on this one. */
    @EventName("RequestApproved")
    public record RequestApproved(String number, String catalogItem, String requester, String approver) { }

    @EventName("RequestRejected")
    public record RequestRejected(String number, String requester, String approver, String comment) { }

    @EventName("RequestSlaBreached")
    public record RequestSlaBreached(String number, String requester, String assignmentGroup, String assignee) { }

    @EventName("RequestTransitioned")
    public record RequestTransitioned(String number, String action, RequestStatus from, RequestStatus to, String actor) { }
}
