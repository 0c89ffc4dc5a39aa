package io.itsmhub.core.change;

import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * Where a release change (one with a pipeline) stands against its deployment window at a moment: the sections of
 * a release calendar, each asked of the database in the order people read it.
 */
public enum ReleaseWindow {
    /** The window is open now: start ≤ now < end; soonest started first. */
    OPEN,
    /** The window opens later; soonest first. */
    UPCOMING,
    /** The window has closed; most recent first. */
    PAST,
    /** No window planned yet; newest first. */
    UNPLANNED;

    public static ReleaseWindow of(Instant start, Instant end, Instant now) {
        if (start == null || end == null) {
            return UNPLANNED;
        }
        if (now.isBefore(start)) {
            return UPCOMING;
        }
        return now.isBefore(end) ? OPEN : PAST;
    }

    Specification<Change> releasesAt(Instant now) {
        Specification<Change> release = (root, q, cb) -> cb.isNotNull(root.get("pipeline"));
        Specification<Change> window = switch (this) {
            case OPEN -> (root, q, cb) -> cb.and(cb.lessThanOrEqualTo(root.<Instant>get("plannedStart"), now),
                    cb.greaterThan(root.<Instant>get("plannedEnd"), now));
            case UPCOMING -> (root, q, cb) -> cb.and(cb.greaterThan(root.<Instant>get("plannedStart"), now),
                    cb.isNotNull(root.get("plannedEnd")));
            case PAST -> (root, q, cb) -> cb.and(cb.lessThanOrEqualTo(root.<Instant>get("plannedEnd"), now),
                    cb.lessThanOrEqualTo(root.<Instant>get("plannedStart"), now));
            case UNPLANNED -> (root, q, cb) -> cb.or(cb.isNull(root.get("plannedStart")), cb.isNull(root.get("plannedEnd")));
        };
        return release.and(window);
    }

    Sort order() {
        return switch (this) {
            case OPEN, UPCOMING -> Sort.by("plannedStart", "number");
            case PAST -> Sort.by(Sort.Order.desc("plannedStart"), Sort.Order.asc("number"));
            case UNPLANNED -> Sort.by(Sort.Direction.DESC, "createdAt");
        };
    }
}
