package io.itsmhub.core.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes domain events into the outbox table inside the caller's transaction (required): the event
 * exists exactly when the state change that caused it was committed.
 */
@Component
public class Outbox {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public Outbox(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Stores {@code event} (a record named in the past tense; its simple name is the event type). */
    public String publish(String ticketNumber, Record event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // an event outside a transaction could be published for a change that then rolls back
            throw new IllegalStateException("events are published inside the transaction of their state change");
        }
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO outbox_event (id, type, ticket_number, payload, status, attempts, created_at, available_at)
                VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)""",
                id, event.getClass().getSimpleName(), ticketNumber, toJson(event), now, now);
        return id;
    }

    private String toJson(Record event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.getClass().getSimpleName() + " cannot be serialised", e);
        }
    }
}
