package io.itsmhub.core.fulfilment;

/** What fulfilment tells the rest of the hub (through the outbox). */
public final class FulfilmentEvents {
    private FulfilmentEvents() { }

    /** A step failed and the request is on hold: the fulfilment team should look. */
    public record FulfilmentFailed(String number, Step step, String error, String assignmentGroup) { }
}
