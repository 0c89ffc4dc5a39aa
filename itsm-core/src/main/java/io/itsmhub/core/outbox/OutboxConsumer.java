package io.itsmhub.core.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consumer side of the outbox. {@link #claim} hands out events at-least-once: a claimed event is hidden
 * for the lease and comes back if it is neither acknowledged nor failed in time. Rows are locked with
 * {@code FOR UPDATE SKIP LOCKED}, so several hub processes on one PostgreSQL never claim the same event.
 */
@Service
public class OutboxConsumer {

    private static final String COLUMNS =
            "id, type, ticket_number, payload, created_at, attempts, status, last_error";

    private final JdbcTemplate jdbc;
    private final OutboxSettings settings;
    private final Clock clock;

    public OutboxConsumer(JdbcTemplate jdbc, OutboxSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public List<OutboxEvent> claim(String consumer, int max) {
        Instant now = clock.instant();
        List<String> ids = jdbc.queryForList("""
                SELECT id FROM outbox_event
                WHERE status = 'PENDING' AND available_at <= ?
                ORDER BY position
                FETCH FIRST ? ROWS ONLY
                FOR UPDATE SKIP LOCKED""", String.class, Timestamp.from(now), max);
        if (ids.isEmpty()) {
            return List.of();
        }
        Timestamp leaseEnd = Timestamp.from(now.plus(settings.lease()));
        jdbc.batchUpdate("UPDATE outbox_event SET available_at = ?, claimed_by = ?, attempts = attempts + 1 WHERE id = ?",
                ids.stream().map(id -> new Object[] {leaseEnd, consumer, id}).toList());
        return ids.stream().map(this::find).toList();
    }

    /** The event was handled: it is never delivered again. */
    @Transactional
    public void acknowledge(String id) {
        jdbc.update("UPDATE outbox_event SET status = 'DONE', done_at = ?, last_error = NULL WHERE id = ?",
                Timestamp.from(clock.instant()), id);
    }

    /** Acknowledges many events in one statement, e.g. those no route subscribes to. */
    @Transactional
    public void acknowledge(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("UPDATE outbox_event SET status = 'DONE', done_at = ?, last_error = NULL WHERE id = ?",
                ids.stream().map(id -> new Object[] {now, id}).toList());
    }

    /** How many events are in {@code status} (PENDING, PARKED, DONE). */
    @Transactional(readOnly = true)
    public long count(String status) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE status = ?", Long.class, status);
        return n == null ? 0 : n;
    }

    /** Events waiting for delivery (a growing number means the routes fall behind) and events parked. */
    @Transactional(readOnly = true)
    public Map<String, Long> backlog() {
        Map<String, Long> counts = new java.util.TreeMap<>(Map.of("PENDING", 0L, "PARKED", 0L));
        jdbc.query("SELECT status, COUNT(*) AS n FROM outbox_event WHERE status IN ('PENDING', 'PARKED') GROUP BY status",
                rs -> { counts.put(rs.getString("status"), rs.getLong("n")); });
        return counts;
    }

    /** Handling failed: retry after a growing delay, or park the event once it used up its attempts. */
    @Transactional
    public void fail(String id, String error) {
        OutboxEvent event = find(id);
        String message = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 2000));
        if (event.attempts() >= settings.maxAttempts()) {
            jdbc.update("UPDATE outbox_event SET status = 'PARKED', last_error = ? WHERE id = ?", message, id);
        } else {
            Instant retryAt = clock.instant().plus(settings.backoff(event.attempts()));
            jdbc.update("UPDATE outbox_event SET available_at = ?, last_error = ? WHERE id = ?",
                    Timestamp.from(retryAt), message, id);
        }
    }

    /** Handling failed for good (the peer refused it): no retry can help, an operator decides. */
    @Transactional
    public void park(String id, String error) {
        String message = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 2000));
        jdbc.update("UPDATE outbox_event SET status = 'PARKED', last_error = ? WHERE id = ?", message, id);
    }

    /** Puts a parked event back in line with fresh attempts; an operator's decision. */
    @Transactional
    public void replay(String id) {
        int updated = jdbc.update("""
                UPDATE outbox_event SET status = 'PENDING', attempts = 0, available_at = ? WHERE id = ? AND status = 'PARKED'""",
                Timestamp.from(clock.instant()), id);
        if (updated == 0) {
            throw new io.itsmhub.core.ticket.TicketNotFoundException("parked event", id);
        }
    }

    @Transactional(readOnly = true)
    public List<OutboxEvent> parked() {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox_event WHERE status = 'PARKED' ORDER BY position",
                OutboxConsumer::map);
    }

    @Transactional(readOnly = true)
    public List<OutboxEvent> forTicket(String ticketNumber) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox_event WHERE ticket_number = ? ORDER BY position",
                OutboxConsumer::map, ticketNumber);
    }

    @Transactional(readOnly = true)
    public OutboxEvent find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox_event WHERE id = ?", OutboxConsumer::map, id)
                .stream().findFirst()
                .orElseThrow(() -> new io.itsmhub.core.ticket.TicketNotFoundException("event", id));
    }

    private static OutboxEvent map(ResultSet rs, int row) throws SQLException {
        return new OutboxEvent(rs.getString("id"), rs.getString("type"), rs.getString("ticket_number"),
                rs.getString("payload"), rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts"),
                rs.getString("status"), rs.getString("last_error"));
    }
}
