package io.itsmhub.hub.outbox;

import io.itsmhub.connectors.ConnectorException;
import io.itsmhub.core.outbox.EventTypes;
import io.itsmhub.core.outbox.OutboxConsumer;
import io.itsmhub.core.outbox.Publication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Delivers one publication: its event read back into its record, handed to the subscriber's endpoint with the
 * {@link Delivery}; then acknowledged, failed for a retry, or parked when the peer refused for good. A delivery cut
 * short because the hub is stopping is given back, not failed. Delivery latency (commit to acknowledgement) is
 * recorded per subscriber as {@code hub_delivery_latency_seconds}.
 */
@Component
class SubscriberDelivery {

    private final OutboxConsumer consumer;
    private final EventTypes types;
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final MeterRegistry meters;
    private final Clock clock;

    SubscriberDelivery(OutboxConsumer consumer, EventTypes types, CamelContext camel, MeterRegistry meters, Clock clock) {
        this.consumer = consumer;
        this.types = types;
        this.camel = camel;
        this.producer = camel.createProducerTemplate();
        this.meters = meters;
        this.clock = clock;
    }

    void deliver(OutboxSubscriber subscriber, Publication publication, String token) {
        Record event;
        try {
            event = types.read(publication.type(), publication.payload());
        } catch (RuntimeException unreadable) {
            consumer.park(publication.id(), token, "event cannot be read: " + unreadable.getMessage());
            return;
        }
        Exchange result = producer.send(subscriber.endpointUri(), exchange -> {
            exchange.getMessage().setBody(event);
            exchange.setProperty(Delivery.PROPERTY, Delivery.of(publication));
        });
        Exception error = result.getException();
        if (error == null) {
            if (consumer.acknowledge(publication.id(), token)) {
                latency(subscriber, "delivered").record(Duration.between(publication.createdAt(), clock.instant()));
            }
        } else if (camel.getStatus().isStopping() || camel.getStatus().isStopped()) {
            consumer.release(publication.id(), token);
        } else if (error instanceof ConnectorException connector && !connector.retryable()) {
            consumer.park(publication.id(), token, describe(error));
        } else {
            consumer.fail(publication.id(), token, describe(error));
        }
    }

    private final java.util.Map<String, Timer> latencies = new java.util.concurrent.ConcurrentHashMap<>();

    /** Built once per subscriber and outcome: an acknowledgement is on every delivery's path. */
    private Timer latency(OutboxSubscriber subscriber, String outcome) {
        return latencies.computeIfAbsent(subscriber.subscriberName() + "/" + outcome, k -> Timer.builder("hub.delivery.latency").description("from an event's commit to its delivery, per subscriber")
                .tags("subscriber", subscriber.subscriberName(), "outcome", outcome)
                .publishPercentileHistogram().register(meters));
    }

    private static String describe(Exception error) {
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
