package io.itsmhub.hub.alert;

import io.itsmhub.connectors.ConnectorException;
import io.itsmhub.core.incident.IncidentEvents.IncidentResolved;
import io.itsmhub.core.incident.IncidentEvents.IncidentTransitioned;
import io.itsmhub.hub.outbox.Delivery;
import io.itsmhub.hub.outbox.OutboxSubscriber;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Closes the loop at the source: an incident resolved by a person silences its alert in Alertmanager; a
 * reopened incident expires that silence. The outbox delivers a ticket's events to this flow in order, so a reopen's
 * expiry never overtakes the silence it undoes. A transient failure is retried here a few times, then by the
 * outbox with back-off, and finally parked in the dead letters for an operator.
 */
@Component
class AlertCloseRoute extends RouteBuilder implements OutboxSubscriber {

    private final AlertSilencer silencer;

    AlertCloseRoute(AlertSilencer silencer) {
        this.silencer = silencer;
    }

    @Override
    public String subscriberName() {
        return "alert-close";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(IncidentResolved.class, IncidentTransitioned.class);
    }

    @Override
    public String endpointUri() {
        return "direct:alert-close";
    }

    @Override
    public void configure() {
        onException(ConnectorException.class)
                .onWhen(exchange -> exchange.getException(ConnectorException.class) != null
                        && exchange.getException(ConnectorException.class).retryable())
                .maximumRedeliveries("{{hub.alertmanager.retries:2}}").redeliveryDelay("{{hub.alertmanager.retry-delay:200}}")
                .useExponentialBackOff().handled(false);

        from("direct:alert-close")
                .routeId("alert-close")
                .choice()
                    .when(body().isInstanceOf(IncidentResolved.class))
                        .process(e -> silencer.silence(e.getMessage().getBody(IncidentResolved.class), Delivery.of(e)))
                    .when(body().isInstanceOf(IncidentTransitioned.class))
                        .process(e -> silencer.expire(e.getMessage().getBody(IncidentTransitioned.class), Delivery.of(e)))
                .end();
    }
}
