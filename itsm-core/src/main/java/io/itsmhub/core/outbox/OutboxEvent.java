package io.itsmhub.core.outbox;

import java.time.Instant;

/** An event as a consumer sees it. {@code id} is the idempotency key: handlers must tolerate a second delivery. */
public record OutboxEvent(String id, String type, String ticketNumber, String payload, Instant createdAt,
                          int attempts, String status, String lastError) { }
