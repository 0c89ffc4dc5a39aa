package io.itsmhub.core.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Side effects that must not repeat (a message sent, a submission to another system), recorded by their idempotency
 * key — derived from the publication — as soon as they are done and before the publication is acknowledged. A
 * redelivery (the acknowledgement was lost, the lease ran out while the peer was slow) finds the record and does
 * not act again. The window left is a hub dying between the peer's answer and this record: at-least-once, narrowed.
 */
@Component
public class DeliveryEffects {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DeliveryEffects(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the effect of {@code key} answered when it was done, if it was. */
    @Transactional(readOnly = true)
    public Optional<String> done(String key) {
        List<String> found = jdbc.queryForList("SELECT result FROM delivery_effect WHERE effect_key = ?", String.class, key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(found.get(0) == null ? "" : found.get(0)); // an effect recorded without an answer
    }

    /**
     * For effects that are writes to this database (planning messages, for instance): records {@code key} in the
     * caller's transaction, so the effect and its record commit together. False when it was done before; two
     * deliveries racing for it leave one of them failing on the key, to be retried and find it done.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstTime(String key) {
        if (done(key).isPresent()) {
            return false;
        }
        jdbc.update("INSERT INTO delivery_effect (effect_key, done_at) VALUES (?, ?)", key, Timestamp.from(clock.instant()));
        return true;
    }

    /** Records that the effect of {@code key} was done, with what the peer answered (an id, for instance). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String key, String result) {
        try {
            jdbc.update("INSERT INTO delivery_effect (effect_key, done_at, result) VALUES (?, ?, ?)", key,
                    Timestamp.from(clock.instant()), result == null ? null : result.substring(0, Math.min(result.length(), 500)));
        } catch (DuplicateKeyException alreadyRecorded) {
            // a concurrent redelivery recorded it first: the effect is recorded either way
        }
    }
}
