package io.itsmhub.core.satisfaction;

import io.itsmhub.core.outbox.EventName;
/** What the satisfaction feature tells the rest of the hub (through the outbox). */
public final class SatisfactionEvents {
    private SatisfactionEvents() { }

    /** A requester rated their resolved ticket; routes may, e.g., tell the assignment group about a low score. */
    @EventName("TicketRated")
    public record TicketRated(String number, int score, String rater) { }
}
