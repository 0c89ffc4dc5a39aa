package io.itsmhub.core.change;

import io.itsmhub.core.outbox.EventName;
import java.time.Instant;
import java.util.Set;

/** What the change feature tells the rest of the hub (through the outbox). */
public final class ChangeEvents {
    private ChangeEvents() { }

    @EventName("ChangeCreated")
    public record ChangeCreated(String number, ChangeType type, String requestedBy) { }

    @EventName("ChangeAuthorised")
    public record ChangeAuthorised(String number, String authorisedBy) { }

    /** Release routes wait for the window of a scheduled change to open. */
    @EventName("ChangeScheduled")
    public record ChangeScheduled(String number, Instant plannedStart, Instant plannedEnd, String pipeline,
                                  Set<String> targetCis) { }

    @EventName("ChangeReviewed")
    public record ChangeReviewed(String number, Outcome outcome) { }

    @EventName("ChangeTransitioned")
    public record ChangeTransitioned(String number, String action, ChangeStatus from, ChangeStatus to, String actor) { }
}
