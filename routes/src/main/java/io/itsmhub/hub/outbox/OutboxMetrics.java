package io.itsmhub.hub.outbox;

import io.itsmhub.core.outbox.OutboxConsumer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Delivery backlog as gauges: {@code hub_outbox_pending} growing means the routes fall behind their events;
 * {@code hub_outbox_parked} above zero means dead letters wait for an operator. In all and per subscriber
 * ({@code hub_outbox_subscriber_pending{subscriber}}, {@code hub_outbox_subscriber_parked{subscriber}}), each read at
 * the scrape.
 */
@Component
class OutboxMetrics {

    private static final long FRESH_NANOS = 1_000_000_000L;

    private final OutboxConsumer outbox;
    private OutboxConsumer.Backlog last;
    private long readAt;

    OutboxMetrics(OutboxConsumer outbox, OutboxSubscriptions subscriptions, MeterRegistry meters) {
        this.outbox = outbox;
        Gauge.builder("hub.outbox.pending", outbox, o -> o.count("PENDING"))
                .description("deliveries waiting (all subscribers)").register(meters);
        Gauge.builder("hub.outbox.parked", outbox, o -> o.count("PARKED"))
                .description("deliveries parked for an operator (dead letters, all subscribers)").register(meters);
        for (String subscriber : subscriptions.subscribers().keySet()) {
            Gauge.builder("hub.outbox.subscriber.pending", this, m -> m.backlog(subscriber, "PENDING"))
                    .tag("subscriber", subscriber).description("deliveries waiting for this subscriber").register(meters);
            Gauge.builder("hub.outbox.subscriber.parked", this, m -> m.backlog(subscriber, "PARKED"))
                    .tag("subscriber", subscriber).description("this subscriber's dead letters").register(meters);
        }
    }

    /** One backlog query serves all the per-subscriber gauges of a scrape (they are read within a moment). */
    private synchronized double backlog(String subscriber, String status) {
        long now = System.nanoTime();
        if (last == null || now - readAt > FRESH_NANOS) {
            last = outbox.backlog();
            readAt = now;
        }
        return last.subscribers().getOrDefault(subscriber, java.util.Map.of()).getOrDefault(status, 0L);
    }
}
