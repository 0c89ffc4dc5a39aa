package io.itsmhub.core.outbox;

import io.itsmhub.core.common.TicketNotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery side of the outbox: publications, one per (event, subscriber), claimed at-least-once.
 * <ul>
 * <li>A claim locks rows with {@code FOR UPDATE SKIP LOCKED}, so hubs sharing one PostgreSQL never claim the same
 * publication, and hides them for the lease under a fresh token; only that token acknowledges, fails, parks, releases
 * or renews them (fencing: a hub whose lease ran out cannot turn a redelivered publication's outcome).</li>
 * <li>Per-ticket order: a publication is claimable only while no earlier publication of the same ticket for the same
 * subscriber is still pending (delivered, backing off or leased). Done or parked ones no longer hold it back.</li>
 * <li>Attempts count failures only: a lease that ran out because a hub died is not an attempt.</li>
 * </ul>
 */
@Service
public class OutboxConsumer {

    private static final String COLUMNS = """
            p.id, p.event_id, p.subscriber, e.type, p.ticket_number, e.payload, e.created_at, p.attempts, p.status,
            p.last_error, p.claims""";
    private static final String FROM = " FROM event_publication p JOIN outbox_event e ON e.id = p.event_id ";

    private final JdbcTemplate jdbc;
    private final OutboxSettings settings;
    private final Clock clock;
    private final EventSubscriptions subscriptions;
    private final DeliverySignal signal;

    public OutboxConsumer(JdbcTemplate jdbc, OutboxSettings settings, Clock clock, EventSubscriptions subscriptions,
                          DeliverySignal signal) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.signal = signal;
    }

    /** Claims up to {@code max} of {@code subscriber}'s due publications, at most one per ticket, in order. */
    @Transactional
    public Claim claim(String subscriber, String claimant, int max) {
        return claim(subscriber, claimant, max, true);
    }

    /**
     * Claims up to {@code max} of {@code subscriber}'s due publications in order; with {@code orderedPerTicket}, at
     * most one per ticket and none while an earlier one of its ticket is pending. A subscriber whose deliveries are
     * independent of each other (one message each) claims without that order, so a failing one holds none back.
     */
    @Transactional
    public Claim claim(String subscriber, String claimant, int max, boolean orderedPerTicket) {
        Instant now = clock.instant();
        String order = !orderedPerTicket ? "" : """
                  AND NOT EXISTS (SELECT 1 FROM event_publication earlier
                                  WHERE earlier.subscriber = p.subscriber AND earlier.ticket_number = p.ticket_number
                                    AND earlier.status = 'PENDING' AND earlier.position < p.position)
                """;
        List<String> ids = jdbc.queryForList("""
                SELECT p.id FROM event_publication p
                WHERE p.subscriber = ? AND p.status = 'PENDING' AND p.available_at <= ?
                """ + order + """
                ORDER BY p.position
                FETCH FIRST ? ROWS ONLY
                FOR UPDATE SKIP LOCKED""", String.class, subscriber, Timestamp.from(now), max);
        if (ids.isEmpty()) {
            return Claim.NONE;
        }
        String token = UUID.randomUUID().toString();
        Timestamp leaseEnd = Timestamp.from(now.plus(settings.lease()));
        jdbc.batchUpdate("""
                UPDATE event_publication SET available_at = ?, claim_token = ?, claimed_by = ?, claims = claims + 1
                WHERE id = ?""", ids.stream().map(id -> new Object[] {leaseEnd, token, claimant, id}).toList());
        return new Claim(token, jdbc.query("SELECT " + COLUMNS + FROM + "WHERE p.claim_token = ? ORDER BY p.position",
                OutboxConsumer::map, token));
    }

    /** Extends the lease of what {@code token} still holds; false when it holds nothing any more. */
    @Transactional
    public boolean renew(String token) {
        Timestamp leaseEnd = Timestamp.from(clock.instant().plus(settings.lease()));
        return jdbc.update("UPDATE event_publication SET available_at = ? WHERE claim_token = ? AND status = 'PENDING'",
                leaseEnd, token) > 0;
    }

    /** Delivered: never delivered again. False when the claim was lost (the lease ran out and another hub took it). */
    @Transactional
    public boolean acknowledge(String id, String token) {
        return jdbc.update("""
                UPDATE event_publication SET status = 'DONE', done_at = ?, last_error = NULL, claim_token = NULL
                WHERE id = ? AND claim_token = ? AND status = 'PENDING'""",
                Timestamp.from(clock.instant()), id, token) == 1;
    }

    /** Failed: retried after a growing delay, or parked once it used up its attempts. False when the claim was lost. */
    @Transactional
    public boolean fail(String id, String token, String error) {
        List<Integer> held = jdbc.queryForList("""
                SELECT attempts FROM event_publication WHERE id = ? AND claim_token = ? AND status = 'PENDING'
                FOR UPDATE""", Integer.class, id, token);
        if (held.isEmpty()) {
            return false;
        }
        int attempts = held.get(0) + 1;
        if (attempts >= settings.maxAttempts()) {
            jdbc.update("""
                    UPDATE event_publication SET status = 'PARKED', attempts = ?, last_error = ?, claim_token = NULL
                    WHERE id = ?""", attempts, cut(error), id);
        } else {
            Instant retryAt = clock.instant().plus(settings.backoff(attempts));
            jdbc.update("""
                    UPDATE event_publication SET attempts = ?, available_at = ?, last_error = ?, claim_token = NULL
                    WHERE id = ?""", attempts, Timestamp.from(retryAt), cut(error), id);
        }
        return true;
    }

    /** Failed for good (the peer refused it): no retry can help, an operator decides. False when the claim was lost. */
    @Transactional
    public boolean park(String id, String token, String error) {
        return jdbc.update("""
                UPDATE event_publication SET status = 'PARKED', attempts = attempts + 1, last_error = ?, claim_token = NULL
                WHERE id = ? AND claim_token = ? AND status = 'PENDING'""", cut(error), id, token) == 1;
    }

    /** Gives a claimed publication back untouched, e.g. when the hub stops: no attempt counted, due at once. */
    @Transactional
    public boolean release(String id, String token) {
        return jdbc.update("""
                UPDATE event_publication SET available_at = ?, claim_token = NULL
                WHERE id = ? AND claim_token = ? AND status = 'PENDING'""",
                Timestamp.from(clock.instant()), id, token) == 1;
    }

    /** Puts a parked publication back in line with fresh attempts; an operator's decision. */
    @Transactional
    public void replay(String id) {
        int updated = jdbc.update("""
                UPDATE event_publication SET status = 'PENDING', attempts = 0, available_at = ?, claim_token = NULL
                WHERE id = ? AND status = 'PARKED'""", Timestamp.from(clock.instant()), id);
        if (updated == 0) {
            throw new TicketNotFoundException("parked event", id);
        }
        signal.signal();
    }

    /** How many publications are in {@code status} (PENDING, PARKED, DONE). */
    @Transactional(readOnly = true)
    public long count(String status) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE status = ?", Long.class, status);
        return n == null ? 0 : n;
    }

    /** Pending and parked publications, in all and per subscriber (every registered subscriber, also at zero). */
    @Transactional(readOnly = true)
    public Backlog backlog() {
        Map<String, Map<String, Long>> bySubscriber = new TreeMap<>();
        subscriptions.subscribers().forEach(s -> bySubscriber.put(s, zero()));
        jdbc.query("""
                SELECT subscriber, status, COUNT(*) AS n FROM event_publication WHERE status IN ('PENDING', 'PARKED')
                GROUP BY subscriber, status""",
                rs -> { bySubscriber.computeIfAbsent(rs.getString("subscriber"), s -> zero())
                        .put(rs.getString("status"), rs.getLong("n")); });
        long pending = bySubscriber.values().stream().mapToLong(m -> m.get("PENDING")).sum();
        long parked = bySubscriber.values().stream().mapToLong(m -> m.get("PARKED")).sum();
        return new Backlog(pending, parked, bySubscriber);
    }

    /** The backlog: {@code PENDING} growing means the routes fall behind; {@code PARKED} waits for an operator. */
    public record Backlog(@com.fasterxml.jackson.annotation.JsonProperty("PENDING") long pending,
                          @com.fasterxml.jackson.annotation.JsonProperty("PARKED") long parked,
                          Map<String, Map<String, Long>> subscribers) { }

    private static Map<String, Long> zero() {
        return new TreeMap<>(Map.of("PENDING", 0L, "PARKED", 0L));
    }

    /** The dead letters, oldest first; of one subscriber when {@code subscriber} is given. */
    @Transactional(readOnly = true)
    public List<Publication> parked(String subscriber) {
        if (subscriber == null || subscriber.isBlank()) {
            return jdbc.query("SELECT " + COLUMNS + FROM + "WHERE p.status = 'PARKED' ORDER BY p.position",
                    OutboxConsumer::map);
        }
        return jdbc.query("SELECT " + COLUMNS + FROM + "WHERE p.status = 'PARKED' AND p.subscriber = ? ORDER BY p.position",
                OutboxConsumer::map, subscriber);
    }

    public List<Publication> parked() {
        return parked(null);
    }

    /** What a ticket emitted, oldest first, each event with its subscribers' deliveries. */
    @Transactional(readOnly = true)
    public List<OutboxEvent> forTicket(String ticketNumber) {
        Map<String, List<OutboxEvent.Delivery>> deliveries = new LinkedHashMap<>();
        jdbc.query("""
                SELECT id, event_id, subscriber, status, attempts, last_error FROM event_publication
                WHERE ticket_number = ? ORDER BY position""",
                rs -> { deliveries.computeIfAbsent(rs.getString("event_id"), e -> new ArrayList<>())
                        .add(new OutboxEvent.Delivery(rs.getString("id"), rs.getString("subscriber"),
                                rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"))); },
                ticketNumber);
        return jdbc.query("""
                SELECT id, type, ticket_number, payload, created_at FROM outbox_event
                WHERE ticket_number = ? ORDER BY position""",
                (rs, row) -> event(rs, deliveries.getOrDefault(rs.getString("id"), List.of())), ticketNumber);
    }

    @Transactional(readOnly = true)
    public Publication find(String id) {
        return jdbc.query("SELECT " + COLUMNS + FROM + "WHERE p.id = ?", OutboxConsumer::map, id)
                .stream().findFirst()
                .orElseThrow(() -> new TicketNotFoundException("event", id));
    }

    /**
     * Events written before publications existed (status PENDING or PARKED in {@code outbox_event}) get one
     * publication per current subscriber, keeping a parked event parked. Runs once per such event, whichever hub
     * gets to it first.
     */
    @Transactional
    public int adoptEarlierEvents() {
        List<Map<String, Object>> earlier = jdbc.queryForList("""
                SELECT id, type, ticket_number, status, last_error FROM outbox_event
                WHERE status IN ('PENDING', 'PARKED') ORDER BY position FOR UPDATE SKIP LOCKED""");
        Timestamp now = Timestamp.from(clock.instant());
        for (Map<String, Object> event : earlier) {
            for (String subscriber : subscriptions.subscribersOf((String) event.get("type"))) {
                jdbc.update("""
                        INSERT INTO event_publication (id, event_id, subscriber, ticket_number, status, last_error,
                                                       created_at, available_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID().toString(), event.get("id"), subscriber,
                        event.get("ticket_number"), event.get("status"), event.get("last_error"), now, now);
            }
            jdbc.update("UPDATE outbox_event SET status = 'PUBLISHED' WHERE id = ?", event.get("id"));
        }
        return earlier.size();
    }

    private static OutboxEvent event(ResultSet rs, List<OutboxEvent.Delivery> deliveries) throws SQLException {
        String status = deliveries.stream().anyMatch(d -> d.status().equals("PARKED")) ? "PARKED"
                : deliveries.stream().anyMatch(d -> d.status().equals("PENDING")) ? "PENDING" : "DONE";
        int attempts = deliveries.stream().mapToInt(OutboxEvent.Delivery::attempts).max().orElse(0);
        String lastError = deliveries.stream().map(OutboxEvent.Delivery::lastError).filter(e -> e != null)
                .findFirst().orElse(null);
        return new OutboxEvent(rs.getString("id"), rs.getString("type"), rs.getString("ticket_number"),
                rs.getString("payload"), rs.getTimestamp("created_at").toInstant(), attempts, status, lastError,
                Collections.unmodifiableList(deliveries));
    }

    private static Publication map(ResultSet rs, int row) throws SQLException {
        return new Publication(rs.getString("id"), rs.getString("event_id"), rs.getString("subscriber"),
                rs.getString("type"), rs.getString("ticket_number"), rs.getString("payload"),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts"), rs.getString("status"),
                rs.getString("last_error"), rs.getInt("claims"));
    }

    private static String cut(String error) {
        String message = error == null ? "unknown error" : error;
        return message.substring(0, Math.min(message.length(), 2000));
    }
}
