package io.itsmhub.core.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes domain events into the outbox inside the caller's transaction (required): the event, and one
 * publication per subscriber of it, exist exactly when the state change that caused them was committed. The commit
 * wakes the dispatchers at once: this process's through {@link DeliverySignal}, the other hubs' through PostgreSQL's
 * {@code NOTIFY} (transactional: sent only if the transaction commits).
 */
@Component
public class Outbox {

    /** The PostgreSQL channel committed events are announced on. */
    public static final String CHANNEL = "hub_outbox";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final EventSubscriptions subscriptions;
    private final DeliverySignal signal;
    private volatile Boolean postgres;

    public Outbox(JdbcTemplate jdbc, ObjectMapper json, Clock clock, EventSubscriptions subscriptions,
                  DeliverySignal signal) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.signal = signal;
    }

    /** Stores {@code event} (a record named in the past tense, with its stable {@link EventName}); returns its id. */
    public String publish(String ticketNumber, Record event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // an event outside a transaction could be published for a change that then rolls back
            throw new IllegalStateException("events are published inside the transaction of their state change");
        }
        String type = EventTypes.nameOf(event.getClass());
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO outbox_event (id, type, ticket_number, payload, status, attempts, created_at, available_at)
                VALUES (?, ?, ?, ?, 'PUBLISHED', 0, ?, ?)""",
                id, type, ticketNumber, toJson(event), now, now);
        List<String> subscribers = subscriptions.subscribersOf(type);
        if (!subscribers.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO event_publication (id, event_id, subscriber, ticket_number, status, created_at, available_at)
                    VALUES (?, ?, ?, ?, 'PENDING', ?, ?)""",
                    subscribers.stream().map(s -> new Object[] {UUID.randomUUID().toString(), id, s, ticketNumber, now, now})
                            .toList());
            wakeUpOnCommit();
        }
        return id;
    }

    /** Once per transaction: a NOTIFY that PostgreSQL sends at commit, and this process's signal after it. */
    private void wakeUpOnCommit() {
        if (TransactionSynchronizationManager.getSynchronizations().stream().anyMatch(WakeUp.class::isInstance)) {
            return;
        }
        if (isPostgres()) {
            jdbc.query("SELECT pg_notify(?, '')", rs -> { }, CHANNEL);
        }
        TransactionSynchronizationManager.registerSynchronization(new WakeUp(signal));
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }

    private record WakeUp(DeliverySignal signal) implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            signal.signal();
        }
    }

    private String toJson(Record event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.getClass().getSimpleName() + " cannot be serialised", e);
        }
    }
}
