package io.itsmhub.core.inbox;

import java.time.Instant;

public record InboxView(Long id, String messageId, String sender, String subject, String body, Instant receivedAt,
                        String status, String reason, String ticket) { }
