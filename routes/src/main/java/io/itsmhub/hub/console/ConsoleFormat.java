package io.itsmhub.hub.console;

import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Formatting the templates share ({@code ${@fmt.left(d)}}): durations as people read them. Instants are rendered
 * as {@code <time datetime>} and shown in the viewer's own time zone by console.js, since the server does not
 * know the browser's zone.
 */
@Component("fmt")
public class ConsoleFormat {

    /** "2h 05m", "3d 4h", "45s"; a negative duration reads as its absolute value (the caller says "overdue"). */
    public String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long s = Math.abs(d.getSeconds());
        if (s >= 86_400) {
            return "%dd %dh".formatted(s / 86_400, (s % 86_400) / 3600);
        }
        if (s >= 3600) {
            return "%dh %02dm".formatted(s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return "%dm %02ds".formatted(s / 60, s % 60);
        }
        return s + "s";
    }

    /**
     * A figure's value as the dashboard shows it: a whole number as such ("2", "100"), any other with one decimal
     * ("97.5"), "—" when the period had nothing to measure.
     */
    public String figure(Double value) {
        if (value == null) {
            return "—";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    public String since(Instant at, Instant now) {
        return at == null ? "" : duration(Duration.between(at, now));
    }
}
