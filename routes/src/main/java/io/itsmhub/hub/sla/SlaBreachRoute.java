package io.itsmhub.hub.sla;

import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.hub.leader.SingletonTimers;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.ticket.defined.DefinedTicketService;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Every {@code hub.sla.check-interval} ms, on one hub at a time, flags open incidents, requests and tickets of types defined as data that missed an SLA target. */
@Component
class SlaBreachRoute extends RouteBuilder {

    private final IncidentService incidents;
    private final RequestService requests;
    private final DefinedTicketService definedTickets;
    private final SingletonTimers timers;

    SlaBreachRoute(IncidentService incidents, RequestService requests, DefinedTicketService definedTickets,
                   SingletonTimers timers) {
        this.incidents = incidents;
        this.requests = requests;
        this.definedTickets = definedTickets;
        this.timers = timers;
    }

    @Override
    public void configure() {
        from("timer:sla-breach?period={{hub.sla.check-interval}}&delay={{hub.sla.check-interval}}")
                .routeId("sla-breach")
                .process(exchange -> exchange.getMessage().setBody(timers.call("sla-breach",
                        () -> incidents.flagBreaches() + requests.flagBreaches() + definedTickets.flagBreaches()).orElse(0)))
                .filter(body().isGreaterThan(0))
                .log("Flagged ${body} ticket(s) that missed an SLA target");
    }
}
