package io.itsmhub.core.outbox;

import java.time.Instant;
import java.util.List;

/**
 * An event as a ticket's history shows it, with each subscriber's delivery. {@code status} sums them up: PARKED when
 * any delivery is parked, PENDING while any is under way, DONE otherwise (also when nobody subscribes).
 */
public record OutboxEvent(String id, String type, String ticketNumber, String payload, Instant createdAt,
                          int attempts, String status, String lastError, List<Delivery> deliveries) {

    /** One subscriber's delivery of the event. */
    public record Delivery(String id, String subscriber, String status, int attempts, String lastError) { }
}
