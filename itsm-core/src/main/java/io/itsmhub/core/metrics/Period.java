package io.itsmhub.core.metrics;

import io.itsmhub.core.common.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** A period {@code [from, to)} of at most 366 days, and the UTC days it touches. */
record Period(Instant from, Instant to) {

    static final Duration LONGEST = Duration.ofDays(366);

    static Period of(Instant from, Instant to) {
        if (from == null) {
            throw InvalidInputException.of("from", "is required");
        }
        if (to == null) {
            throw InvalidInputException.of("to", "is required");
        }
        if (!from.isBefore(to)) {
            throw InvalidInputException.of("from", "must be before to (%s is not before %s)".formatted(from, to));
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw InvalidInputException.of("to", "a period is at most 366 days (%s to %s is longer)".formatted(from, to));
        }
        return new Period(from, to);
    }

    /** Every UTC day from the one {@code from} falls in to the one just before {@code to}. */
    List<LocalDate> days() {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
        return first.datesUntil(last.plusDays(1)).toList();
    }

    /** Where {@code day} ends within the period: its next midnight, or {@code to} for the period's last day. */
    Instant endOf(LocalDate day) {
        Instant midnight = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return midnight.isBefore(to) ? midnight : to;
    }

    /** {@code :from} and {@code :to}, bound as OffsetDateTime: what JDBC 4.2 maps to TIMESTAMP WITH TIME ZONE. */
    MapSqlParameterSource parameters() {
        return new MapSqlParameterSource().addValue("from", sql(from)).addValue("to", sql(to));
    }

    static OffsetDateTime sql(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
