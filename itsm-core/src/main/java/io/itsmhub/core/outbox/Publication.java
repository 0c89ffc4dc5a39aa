package io.itsmhub.core.outbox;

import java.time.Instant;

/**
 * One subscriber's delivery of one event, as the subscriber and an operator see it. {@code id} identifies this
 * delivery: it is the idempotency key of the side effects the subscriber makes for it. {@code claims} counts how often
 * it was handed out, leases that ran out included.
 */
public record Publication(String id, String eventId, String subscriber, String type, String ticketNumber,
                          String payload, Instant createdAt, int attempts, String status, String lastError, int claims) {

    /** Whether this delivery may have been tried before: it failed, or an earlier claim's lease ran out. */
    public boolean triedBefore() {
        return attempts > 0 || claims > 1;
    }
}
