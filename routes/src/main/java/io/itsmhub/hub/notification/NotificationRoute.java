package io.itsmhub.hub.notification;

import io.itsmhub.core.notification.NotificationEvents.NotificationRequested;
import io.itsmhub.hub.outbox.Delivery;
import io.itsmhub.hub.outbox.OutboxSubscriber;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Sends each planned message (one NotificationRequested per channel and address) through its channel. A channel that
 * is down fails only its own messages: the outbox retries them with back-off and parks them for replay, and no ticket
 * or other message waits for them (messages are independent, so they are not held in ticket order).
 */
@Component
class NotificationRoute extends RouteBuilder implements OutboxSubscriber {

    private final NotificationSender sender;

    NotificationRoute(NotificationSender sender) {
        this.sender = sender;
    }

    @Override
    public String subscriberName() {
        return "notification";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(NotificationRequested.class);
    }

    @Override
    public String endpointUri() {
        return "direct:notification";
    }

    @Override
    public boolean orderedPerTicket() {
        return false;
    }

    @Override
    public void configure() {
        from("direct:notification")
                .routeId("notification")
                .process(e -> sender.send(e.getMessage().getBody(NotificationRequested.class), Delivery.of(e)));
    }
}
