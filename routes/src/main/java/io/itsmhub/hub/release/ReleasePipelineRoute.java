package io.itsmhub.hub.release;

import io.itsmhub.connectors.ConnectorException;
import io.itsmhub.hub.leader.SingletonTimers;
import io.itsmhub.core.change.ChangeEvents.ChangeScheduled;
import io.itsmhub.core.change.ReleaseEvents.ReleaseRequested;
import io.itsmhub.hub.outbox.OutboxSubscriber;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The release loop. A change scheduled with its window open, or the window opening later (checked on every
 * poll), starts the pipeline; a deploy by a release manager does the same through the API. A requested run is
 * handed to Jenkins with quick retries here, then the outbox's back-off, then the dead letters (a 401/403/404 goes
 * there at once: retrying cannot fix credentials or a job name). The poll follows queued and running builds.
 */
@Component
class ReleasePipelineRoute extends RouteBuilder implements OutboxSubscriber {

    private final ReleaseTrigger trigger;
    private final ReleaseFollower follower;
    private final ReleaseWindows windows;
    private final SingletonTimers timers;

    ReleasePipelineRoute(ReleaseTrigger trigger, ReleaseFollower follower, ReleaseWindows windows, SingletonTimers timers) {
        this.timers = timers;
        this.trigger = trigger;
        this.follower = follower;
        this.windows = windows;
    }

    @Override
    public String subscriberName() {
        return "release-pipeline";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(ChangeScheduled.class, ReleaseRequested.class);
    }

    @Override
    public String endpointUri() {
        return "direct:release-pipeline";
    }

    @Override
    public void configure() {
        onException(ConnectorException.class)
                .onWhen(exchange -> exchange.getException(ConnectorException.class).retryable())
                .maximumRedeliveries("{{hub.jenkins.retries:2}}").redeliveryDelay("{{hub.jenkins.retry-delay:500}}")
                .useExponentialBackOff().handled(false);

        from("direct:release-pipeline")
                .routeId("release-pipeline")
                .choice()
                    .when(body().isInstanceOf(ReleaseRequested.class))
                        .process(e -> trigger.trigger(e.getMessage().getBody(ReleaseRequested.class).runId()))
                    .otherwise() // scheduled: if its window is open, start and hand it over now rather than one event later
                        .process(e -> windows.startDue().forEach(trigger::trigger))
                .end();

        from("timer:release-follow?period={{hub.jenkins.poll-interval:2s}}&delay=1000")
                .routeId("release-follow")
                .process(e -> timers.run("release-follow", () -> {
                    windows.startDue();
                    follower.pollAll();
                }));
    }
}
