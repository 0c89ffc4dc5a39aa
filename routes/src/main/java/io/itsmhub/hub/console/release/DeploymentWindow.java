package io.itsmhub.hub.console.release;

import io.itsmhub.core.change.ChangeView;
import java.time.Instant;

/** Where a release stands against its deployment window at a given moment; the sections of the release list. */
enum DeploymentWindow {
    OPEN, UPCOMING, PAST, UNPLANNED;

    static DeploymentWindow of(ChangeView change, Instant now) {
        Instant start = change.plannedStart();
        Instant end = change.plannedEnd();
        if (start == null || end == null) {
            return UNPLANNED;
        }
        if (now.isBefore(start)) {
            return UPCOMING;
        }
        return now.isBefore(end) ? OPEN : PAST;
    }

    /** The badge class console.css knows. */
    public String badge() {
        return switch (this) {
            case OPEN -> "ok";
            case UPCOMING -> "run";
            case PAST, UNPLANNED -> "";
        };
    }

    public String slug() {
        return name().toLowerCase();
    }
}
