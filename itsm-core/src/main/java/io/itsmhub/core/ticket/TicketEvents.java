package io.itsmhub.core.ticket;

import io.itsmhub.core.outbox.EventName;
/** What every ticket type tells the rest of the hub alike (through the outbox). Stored under each record's @EventName. */
public final class TicketEvents {
    private TicketEvents() { }

    /**
     * A public comment was added; notifications may mail it to the requester. A work note raises no event: it is
     * for staff, and nothing the hub sends to a requester may carry it.
     */
    @EventName("CommentAdded")
    public record CommentAdded(String number, String actor, String text) { }
}
