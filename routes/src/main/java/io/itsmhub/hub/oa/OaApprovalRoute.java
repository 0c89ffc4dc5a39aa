package io.itsmhub.hub.oa;

import io.itsmhub.connectors.oa.HttpOaClient;
import io.itsmhub.connectors.oa.OaApprovalRequest;
import io.itsmhub.connectors.oa.OaClient;
import io.itsmhub.connectors.oa.OaDecision;
import io.itsmhub.connectors.oa.OaSettings;
import io.itsmhub.connectors.oa.OaSignature;
import io.itsmhub.core.outbox.DeliveryEffects;
import io.itsmhub.core.request.RequestEvents.RequestApprovalRequested;
import io.itsmhub.hub.outbox.Delivery;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.RequestView;
import io.itsmhub.core.request.oa.OaApprovals;
import io.itsmhub.core.common.ConflictException;
import io.itsmhub.core.common.ForbiddenActionException;
import io.itsmhub.core.ticket.IllegalTransitionException;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.hub.outbox.OutboxSubscriber;
import io.itsmhub.hub.webhook.ProblemResponses;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * When an OA system is configured, a request that needs approval is handed to it (to the requester's manager),
 * and {@code POST /webhooks/oa} takes the decision back: signed with the shared secret over timestamp and body,
 * refused when unsigned, tampered, too old or already seen, and applied as the person who decided.
 */
@Component
@ConditionalOnExpression("!'${hub.oa.url:}'.isBlank()")
@EnableConfigurationProperties(OaSettings.class)
class OaApprovalRoute extends RouteBuilder implements OutboxSubscriber {

    private static final String TIMESTAMP = "hub.oa.timestamp";
    private static final String SIGNATURE = "hub.oa.signature";

    private final OaClient oa;
    private final OaSignature signature;
    private final OaApprovals approvals;
    private final RequestService requests;
    private final PeopleService people;
    private final ProblemResponses problems;
    private final Clock clock;
    private final DeliveryEffects effects;
    private final String publicUrl;

    OaApprovalRoute(OaSettings settings, OaApprovals approvals, RequestService requests, PeopleService people,
                    ProblemResponses problems, Clock clock, DeliveryEffects effects, @Value("${hub.public-url:http://localhost:8080}") String publicUrl) {
        this.oa = new HttpOaClient(settings);
        this.signature = new OaSignature(settings);
        this.approvals = approvals;
        this.requests = requests;
        this.people = people;
        this.problems = problems;
        this.clock = clock;
        this.effects = effects;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @Override
    public String subscriberName() {
        return "oa-submit";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(RequestApprovalRequested.class);
    }

    @Override
    public String endpointUri() {
        return "direct:oa-submit";
    }

    @Override
    public void configure() {
        onException(SecurityException.class).handled(true)
                .process(e -> problems.answer(e, 401, "Unauthorized", "missing, invalid or expired OA signature"));
        onException(InvalidInputException.class).handled(true)
                .process(e -> problems.invalidInput(e));
        onException(ConflictException.class, IllegalTransitionException.class).handled(true)
                .process(e -> problems.answerCaught(e, 409, "Conflict"));
        onException(ForbiddenActionException.class).handled(true)
                .process(e -> problems.answerCaught(e, 403, "Forbidden"));

        from("direct:oa-submit")
                .routeId("oa-submit")
                .process(e -> submit(e.getMessage().getBody(RequestApprovalRequested.class), Delivery.of(e)));

        from("platform-http:/webhooks/oa?httpMethodRestrict=POST")
                .routeId("oa-decision")
                .setProperty(TIMESTAMP, header(OaSignature.TIMESTAMP_HEADER))
                .setProperty(SIGNATURE, header(OaSignature.SIGNATURE_HEADER))
                .removeHeaders("*")
                .process(e -> {
                    String body = e.getMessage().getBody(String.class);
                    if (!signature.verify(e.getProperty(TIMESTAMP, String.class), e.getProperty(SIGNATURE, String.class),
                            body, clock.instant())) {
                        throw new SecurityException("bad OA signature");
                    }
                    OaDecision decision;
                    try {
                        decision = OaDecision.parse(body);
                    } catch (IllegalArgumentException bad) {
                        throw InvalidInputException.of("body", bad.getMessage());
                    }
                    RequestView decided = approvals.decide(decision.approvalId(), decision.decision(), decision.decidedBy(),
                            decision.comment(), decision.nonce());
                    e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
                    e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                    e.getMessage().setBody("{\"request\":\"" + decided.number() + "\",\"status\":\"" + decided.status() + "\"}");
                });
    }

    /**
     * Only steps of kind OA go to the OA system, each once: a redelivery after the OA system answered (the
     * acknowledgement was lost) finds the submission recorded under the delivery's key, and so does a later step's
     * event, which has a key of its own.
     */
    private void submit(RequestApprovalRequested asked, Delivery delivery) {
        if (!"OA".equals(asked.kind())) {
            return;
        }
        String key = delivery.idempotencyKey("oa-submit");
        if (effects.done(key).isPresent()) {
            return;
        }
        RequestView request = requests.get(asked.number());
        String approver = asked.approvers() == null || asked.approvers().isEmpty()
                ? people.find(request.requester()).map(Person::getManager).orElse(null) : asked.approvers().get(0);
        long started = System.nanoTime();
        // a ConnectorException goes back to the outbox, which retries with back-off and parks it for an operator
        String id = oa.submit(new OaApprovalRequest(request.number(), request.number(), request.title(),
                request.requester(), approver, request.catalogItem() + ": " + request.values(),
                URI.create(publicUrl + "/api/v1/requests/" + request.number())));
        effects.record(key, id);
        approvals.delegated(request.number(), approver, id, (System.nanoTime() - started) / 1_000_000, delivery.attempt());
    }
}
