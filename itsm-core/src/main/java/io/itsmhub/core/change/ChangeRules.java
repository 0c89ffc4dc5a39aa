package io.itsmhub.core.change;

import io.itsmhub.core.common.ConflictException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** The time rules of changes: freezes refuse all but emergencies; a release runs only inside its window. */
@Component
class ChangeRules {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ChangeSettings settings;

    ChangeRules(ChangeSettings settings) {
        this.settings = settings;
    }

    void checkFreeze(Change change, Instant start, Instant end) {
        if (change.getType() == ChangeType.EMERGENCY || start == null || end == null) {
            return;
        }
        settings.freezeDuring(start, end).ifPresent(freeze -> {
            throw new ConflictException("Change freeze", "%s's window %s – %s falls in the change freeze '%s' (%s – %s); only emergency changes go ahead during a freeze"
                    .formatted(change.getNumber(), UTC.format(start), UTC.format(end), freeze.name(),
                            UTC.format(freeze.start()), UTC.format(freeze.end())));
        });
    }

    void checkWindowOpen(Change change, Instant now) {
        Instant start = change.getPlannedStart();
        Instant end = change.getPlannedEnd();
        if (start == null || end == null || now.isBefore(start) || !now.isBefore(end)) {
            throw new ConflictException("Outside the window", start == null || end == null
                    ? change.getNumber() + " has no planned window"
                    : "%s may be deployed from %s to %s; it is now %s".formatted(change.getNumber(), UTC.format(start),
                            UTC.format(end), UTC.format(now)));
        }
    }
}
