package io.itsmhub.core.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * One UTC day of a figure as its grouped query returns it: columns {@code utc_day} (days since the epoch),
 * {@code numerator}, {@code denominator} and {@code total} (a sum to average, e.g. seconds; 0 where unused).
 */
record DayTotals(LocalDate day, long numerator, long denominator, double total) {

    /** Days since 1970-01-01 of a TIMESTAMP WITH TIME ZONE column, the same on H2 and PostgreSQL whatever the session's zone. */
    static String utcDay(String column) {
        return "FLOOR(EXTRACT(EPOCH FROM " + column + ") / 86400)";
    }

    static DayTotals read(ResultSet rs, int row) throws SQLException {
        return new DayTotals(LocalDate.ofEpochDay(rs.getLong("utc_day")), rs.getLong("numerator"),
                rs.getLong("denominator"), rs.getDouble("total"));
    }

    DayTotals scaled(double factor) {
        return new DayTotals(day, numerator, denominator, total * factor);
    }
}
