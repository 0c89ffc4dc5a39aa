package io.itsmhub.hub.outbox;

import io.itsmhub.core.outbox.OutboxConsumer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Outbox backlog as gauges: {@code hub_outbox_pending} growing means the routes fall behind their events;
 * {@code hub_outbox_parked} above zero means dead letters wait for an operator. Read at each scrape, one count each.
 */
@Component
class OutboxMetrics {

    OutboxMetrics(OutboxConsumer outbox, MeterRegistry meters) {
        Gauge.builder("hub.outbox.pending", outbox, o -> o.count("PENDING"))
                .description("outbox events waiting for delivery").register(meters);
        Gauge.builder("hub.outbox.parked", outbox, o -> o.count("PARKED"))
                .description("outbox events parked for an operator (dead letters)").register(meters);
    }
}
