package io.itsmhub.core.change;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Change rules that an organisation sets rather than codes.
 *
 * @param freezes periods in which only emergency changes may be scheduled or deployed, e.g. the year-end close
 */
@ConfigurationProperties("hub.change")
public record ChangeSettings(List<Freeze> freezes) {

    /** A change freeze from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Freeze(String name, Instant start, Instant end) {
        public Freeze {
            if (start == null || end == null || !end.isAfter(start)) {
                throw new IllegalArgumentException("hub.change.freezes[" + name + "] needs a start before its end");
            }
        }

        boolean overlaps(Instant from, Instant to) {
            return from.isBefore(end) && to.isAfter(start);
        }
    }

    public ChangeSettings {
        freezes = freezes == null ? List.of() : List.copyOf(freezes);
    }

    /** The first freeze that a window from {@code from} to {@code to} falls into, if any. */
    public Optional<Freeze> freezeDuring(Instant from, Instant to) {
        return freezes.stream().filter(f -> f.overlaps(from, to)).findFirst();
    }
}
