package io.itsmhub.core.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery policy of the outbox.
 *
 * @param lease        how long a claimed event stays invisible to other consumers; an event not acknowledged
 *                     within it is delivered again (the consumer died or hung)
 * @param firstRetry   delay before the first retry of a failed event; doubled per attempt up to {@code maxRetry}
 * @param maxRetry     the longest delay between retries
 * @param maxAttempts  attempts before an event is parked for an operator
 */
@ConfigurationProperties("hub.outbox")
public record OutboxSettings(@DefaultValue("PT1M") Duration lease,
                             @DefaultValue("PT5S") Duration firstRetry,
                             @DefaultValue("PT10M") Duration maxRetry,
                             @DefaultValue("8") int maxAttempts) {

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = firstRetry.multipliedBy(factor);
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }
}
