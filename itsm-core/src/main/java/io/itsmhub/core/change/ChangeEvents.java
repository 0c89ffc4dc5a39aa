package io.itsmhub.core.change;

import java.time.Instant;
import java.util.Set;

/** What the change feature tells the rest of the hub (through the outbox). */
public final class ChangeEvents {
    private ChangeEvents() { }

    public record ChangeCreated(String number, ChangeType type, String requestedBy) { }

    public record ChangeAuthorised(String number, String authorisedBy) { }

    /** Release routes wait for the window of a scheduled change to open. */
    public record ChangeScheduled(String number, Instant plannedStart, Instant plannedEnd, String pipeline,
                                  Set<String> targetCis) { }

    public record ChangeReviewed(String number, Outcome outcome) { }

    public record ChangeTransitioned(String number, String action, ChangeStatus from, ChangeStatus to, String actor) { }
}
