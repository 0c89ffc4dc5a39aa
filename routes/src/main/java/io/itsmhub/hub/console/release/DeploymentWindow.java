package io.itsmhub.hub.console.release;

import io.itsmhub.core.change.ChangeView;
import io.itsmhub.core.change.ReleaseWindow;
import java.time.Instant;

/** Where a release stands against its deployment window at a given moment; the sections of the release list. */
enum DeploymentWindow {
    OPEN, UPCOMING, PAST, UNPLANNED;

    static DeploymentWindow of(ChangeView change, Instant now) {
        return valueOf(ReleaseWindow.of(change.plannedStart(), change.plannedEnd(), now).name());
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
