package io.itsmhub.hub.notification;

import io.itsmhub.core.notification.Notifications;
import io.itsmhub.hub.outbox.Delivery;
import io.itsmhub.hub.outbox.OutboxSubscriber;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Plans who is told of a ticket event: the rules that match it, their recipients' addresses per channel, each message
 * in its reader's language, published as one NotificationRequested each (a transaction of its own, after the
 * ticket's). Planned once per event: this flow's delivery is its own, whatever happens to the other subscribers.
 */
@Component
class NotificationPlanningRoute extends RouteBuilder implements OutboxSubscriber {

    private final Notifications notifications;

    NotificationPlanningRoute(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public String subscriberName() {
        return "notification-planning";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Notifications.TRIGGERS;
    }

    @Override
    public String endpointUri() {
        return "direct:notification-planning";
    }

    @Override
    public void configure() {
        from("direct:notification-planning")
                .routeId("notification-planning")
                .process(e -> notifications.plan(Delivery.of(e).ticketNumber(), e.getMessage().getBody(Record.class),
                        Delivery.of(e).idempotencyKey("plan")));
    }
}
