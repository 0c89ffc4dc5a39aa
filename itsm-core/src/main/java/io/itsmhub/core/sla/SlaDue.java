package io.itsmhub.core.sla;

import java.time.Instant;

/** When a ticket must be responded to and resolved; both null when no target applies. */
public record SlaDue(Instant responseDue, Instant resolutionDue) {
    public static final SlaDue NONE = new SlaDue(null, null);
}
