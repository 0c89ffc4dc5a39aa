package io.itsmhub.core.metrics;

import io.itsmhub.core.incident.IncidentStatus;
import io.itsmhub.core.metrics.Figure.Point;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Replays incidents' creations and status changes in time order (rows {@code number, at, status}) and counts the
 * open ones at the end of each day of a period: one pass, however many days. Replaying the journal rather than
 * reading today's columns counts an incident that was resolved then and reopened later as it was then: resolved.
 */
final class BacklogSweep implements RowCallbackHandler {

    private final Period period;
    private final Iterator<LocalDate> days;
    private final Set<String> open = new HashSet<>();
    private final List<Point> series = new ArrayList<>();
    private LocalDate day;

    BacklogSweep(Period period) {
        this.period = period;
        this.days = period.days().iterator();
        this.day = days.next();
    }

    @Override
    public void processRow(ResultSet rs) throws SQLException {
        Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
        endDaysBefore(at);
        String number = rs.getString("number");
        if (IncidentStatus.valueOf(rs.getString("status")).isOpen()) {
            open.add(number);
        } else {
            open.remove(number);
        }
    }

    /** The open count at the end of each day; call once every row is processed. */
    List<Point> series() {
        endDaysBefore(Instant.MAX);
        return series;
    }

    /** Closes every day that ended at or before {@code at}: a change at a day's end belongs to the next day. */
    private void endDaysBefore(Instant at) {
        while (day != null && !at.isBefore(period.endOf(day))) {
            series.add(new Point(day, (double) open.size()));
            day = days.hasNext() ? days.next() : null;
        }
    }
}
