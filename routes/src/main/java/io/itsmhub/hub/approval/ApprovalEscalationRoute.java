package io.itsmhub.hub.approval;

import io.itsmhub.core.request.RequestService;
import io.itsmhub.hub.leader.SingletonTimers;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every {@code hub.requests.escalation-check} an approval step left unanswered for {@code hub.requests.escalate-after}
 * goes to the approvers' managers too, who are told like any approver.
 */
@Component
class ApprovalEscalationRoute extends RouteBuilder {

    private final RequestService requests;
    private final java.time.Duration after;
    private final SingletonTimers timers;

    ApprovalEscalationRoute(RequestService requests, @Value("${hub.requests.escalate-after:PT24H}") java.time.Duration after,
                            SingletonTimers timers) {
        this.requests = requests;
        this.timers = timers;
        this.after = after;
    }

    @Override
    public void configure() {
        from("timer:approval-escalation?period={{hub.requests.escalation-check:5m}}&delay={{hub.requests.escalation-check:5m}}")
                .routeId("approval-escalation")
                .process(e -> e.getMessage().setBody(timers.call("approval-escalation",
                        () -> requests.escalateOverdueApprovals(after)).orElse(0)))
                .filter(body().isGreaterThan(0))
                .log("Escalated ${body} approval(s) left unanswered for " + after);
    }
}
