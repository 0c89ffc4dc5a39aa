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

    /** A ticket went up to its desk's parent; its SLA clock was kept. */
    @EventName("TicketEscalated")
    public record TicketEscalated(String number, String ticketType, String fromDesk, String toDesk, String actor,
                                  String reason) { }

    /** A ticket of a type defined as data was raised. */
    @EventName("TicketCreated")
    public record TicketCreated(String number, String ticketType, io.itsmhub.core.common.Priority priority, String desk,
                                String assignmentGroup, String assignee) { }

    /** A ticket of a type defined as data took an action of its workflow. */
    @EventName("TicketTransitioned")
    public record TicketTransitioned(String number, String ticketType, String action, String from, String to,
                                     String actor) { }

    /** A ticket of a type defined as data missed its resolution target. */
    @EventName("TicketSlaBreached")
    public record TicketSlaBreached(String number, String ticketType, io.itsmhub.core.common.Priority priority,
                                    String assignmentGroup, String assignee) { }
}
