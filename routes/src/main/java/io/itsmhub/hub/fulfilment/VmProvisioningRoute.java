package io.itsmhub.hub.fulfilment;

import io.itsmhub.core.fulfilment.FulfilmentService;
import io.itsmhub.core.fulfilment.StepOrder;
import io.itsmhub.core.request.RequestEvents.RequestApproved;
import io.itsmhub.hub.outbox.OutboxSubscriber;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * The request loop. An approved request whose catalog item has a fulfilment plan starts it; every poll claims the
 * due steps (leased, so each runs on one hub and a dead hub's work resumes elsewhere when its lease runs out) and
 * hands them to a pool of workers, so parallel requests do not wait for each other.
 */
@Component
class VmProvisioningRoute extends RouteBuilder implements OutboxSubscriber {

    private final FulfilmentService fulfilments;
    private final FulfilmentSteps steps;
    private final FulfilmentSettings settings;

    VmProvisioningRoute(FulfilmentService fulfilments, FulfilmentSteps steps, FulfilmentSettings settings) {
        this.fulfilments = fulfilments;
        this.steps = steps;
        this.settings = settings;
    }

    @Override
    public String subscriberName() {
        return "fulfilment-start";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(RequestApproved.class);
    }

    @Override
    public String endpointUri() {
        return "direct:fulfilment-start";
    }

    @Override
    public void configure() {
        ProducerTemplate workers = getContext().createProducerTemplate();
        from("direct:fulfilment-start")
                .routeId("fulfilment-start")
                .process(e -> fulfilments.start(e.getMessage().getBody(RequestApproved.class).number()));

        from("timer:fulfilment-claim?period={{hub.fulfilment.poll-interval:1s}}&delay=1s")
                .routeId("fulfilment-claim")
                .process(e -> claimDue(workers));

        from("seda:fulfilment-step?concurrentConsumers={{hub.fulfilment.workers:4}}&size=100")
                .routeId("fulfilment-step")
                .process(e -> steps.run(e.getMessage().getBody(StepOrder.class)));
    }

    /** Claims up to one step per worker; the lease keeps other hubs (and this one's next poll) off them. */
    private void claimDue(ProducerTemplate workers) {
        for (int i = 0; i < settings.workers(); i++) {
            Optional<StepOrder> order;
            try {
                order = fulfilments.claimNext(settings.lease());
            } catch (ConcurrencyFailureException e) {
                continue; // another hub claimed the same step at the same moment
            }
            if (order.isEmpty()) {
                return;
            }
            workers.sendBody("seda:fulfilment-step", order.get());
        }
    }
}
