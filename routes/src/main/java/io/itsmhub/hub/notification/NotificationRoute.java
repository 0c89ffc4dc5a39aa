package io.itsmhub.hub.notification;

import io.itsmhub.core.notification.Notifications;
import io.itsmhub.core.outbox.OutboxEvent;
import io.itsmhub.hub.outbox.OutboxSubscriber;
import java.util.HashSet;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Tells people. A ticket event is planned into one NotificationRequested per channel and address (a transaction
 * of its own, after the ticket's); each of those is sent by its channel. A channel that is down fails only its own
 * messages: the outbox retries them with back-off and parks them for replay, and no ticket waits for them.
 */
@Component
class NotificationRoute extends RouteBuilder implements OutboxSubscriber {

    static final String REQUESTED = "NotificationRequested";

    private final Notifications notifications;
    private final NotificationSender sender;

    NotificationRoute(Notifications notifications, NotificationSender sender) {
        this.notifications = notifications;
        this.sender = sender;
    }

    @Override
    public Set<String> eventTypes() {
        Set<String> types = new HashSet<>(Notifications.TRIGGERS);
        types.add(REQUESTED);
        return types;
    }

    @Override
    public String endpointUri() {
        return "direct:notification";
    }

    @Override
    public void configure() {
        from("direct:notification")
                .routeId("notification")
                .choice()
                    .when(simple("${body.type} == '" + REQUESTED + "'"))
                        .process(e -> sender.send(e.getMessage().getBody(OutboxEvent.class)))
                    .otherwise()
                        .process(e -> notifications.plan(e.getMessage().getBody(OutboxEvent.class)))
                .end();
    }
}
