package io.itsmhub.core.fulfilment;

import io.itsmhub.core.outbox.EventName;
/** What fulfilment tells the rest of the hub (through the outbox). */
public final class FulfilmentEvents {
    private FulfilmentEvents() { }

    /** A step failed and the request is on hold: the fulfilment team should look. */
    @EventName("FulfilmentFailed")
    public record FulfilmentFailed(String number, Step step, String error, String assignmentGroup) { }
}
