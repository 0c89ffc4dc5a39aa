package io.itsmhub.hub.outbox;

import io.itsmhub.connectors.ConnectorException;
import io.itsmhub.core.outbox.OutboxConsumer;
import io.itsmhub.core.outbox.OutboxEvent;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Every {@code hub.outbox.poll-interval} ms, and at once again while batches come back full: claim a batch of
 * events and hand each to its subscribers, one event at a time so that a ticket's events keep their order. Success acknowledges the event; a failure
 * leaves it to the outbox's back-off, or parks it when the peer refused it for good.
 */
@Component
class OutboxDispatchRoute extends RouteBuilder {

    static final String EVENT = "hub.event";
    static final String FULL = "hub.batch-full";
    static final int BATCH = 200;

    private final OutboxConsumer outbox;
    private final OutboxSubscriptions subscriptions;
    private final String consumerName = ManagementFactory.getRuntimeMXBean().getName(); // pid@host

    OutboxDispatchRoute(OutboxConsumer outbox, OutboxSubscriptions subscriptions) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
    }

    @Override
    public void configure() {
        from("timer:outbox?period={{hub.outbox.poll-interval:250}}&delay=1000")
                .routeId("outbox-dispatch")
                .setProperty(FULL, constant(true))
                .loopDoWhile(exchangeProperty(FULL).isEqualTo(true)) // a full batch means more wait: claim again now
                    .process(this::claim)
                    .split(body())
                        .to("direct:outbox-event")
                    .end()
                .end();

        from("direct:outbox-event")
                .routeId("outbox-event")
                .process(e -> e.setProperty(EVENT, e.getMessage().getBody(OutboxEvent.class)))
                .doTry()
                    .to("direct:outbox-deliver")
                    .process(e -> outbox.acknowledge(event(e).id()))
                .doCatch(Exception.class)
                    .process(this::failed)
                .end();

        from("direct:outbox-deliver")
                .routeId("outbox-deliver")
                .recipientList(method(subscriptions, "endpointsFor(${body.type})"));
    }

    /** Claims a batch; events no route subscribes to are acknowledged at once, in one statement. */
    private void claim(Exchange exchange) {
        List<OutboxEvent> claimed = outbox.claim(consumerName, BATCH);
        Map<Boolean, List<OutboxEvent>> subscribed = claimed.stream()
                .collect(Collectors.partitioningBy(event -> !subscriptions.endpointsFor(event.type()).isEmpty()));
        outbox.acknowledge(subscribed.get(false).stream().map(OutboxEvent::id).toList());
        exchange.setProperty(FULL, claimed.size() == BATCH);
        exchange.getMessage().setBody(subscribed.get(true));
    }

    private void failed(Exchange exchange) {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        OutboxEvent event = event(exchange);
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        if (error instanceof ConnectorException connector && !connector.retryable()) {
            outbox.park(event.id(), message);
        } else {
            outbox.fail(event.id(), message);
        }
    }

    private static OutboxEvent event(Exchange exchange) {
        return exchange.getProperty(EVENT, OutboxEvent.class);
    }
}
