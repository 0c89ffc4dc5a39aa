package io.itsmhub.hub.release;

import io.itsmhub.connectors.ConnectorException;
import io.itsmhub.connectors.jenkins.FoundBuild;
import io.itsmhub.connectors.jenkins.JenkinsClient;
import io.itsmhub.connectors.jenkins.QueuedBuild;
import io.itsmhub.core.change.PipelineOrder;
import io.itsmhub.core.change.ReleaseService;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands a requested run to Jenkins, at most once. The attempt is committed before the call, and the queue item
 * right after it; a repeated attempt (redelivery, replay, a restart) whose predecessor may have reached Jenkins
 * first looks for that build by its {@code ITSM_CHANGE} parameter and follows it instead of building again.
 */
@Component
class ReleaseTrigger {

    static final String CHANGE_PARAMETER = "ITSM_CHANGE";
    private static final Logger log = LoggerFactory.getLogger(ReleaseTrigger.class);

    private final ReleaseService releases;
    private final JenkinsClient jenkins;

    ReleaseTrigger(ReleaseService releases, JenkinsClient jenkins) {
        this.releases = releases;
        this.jenkins = jenkins;
    }

    void trigger(long runId) {
        Optional<PipelineOrder> claimed = releases.beginTrigger(runId);
        if (claimed.isEmpty()) {
            return; // Jenkins has it already, or it was aborted first
        }
        PipelineOrder order = claimed.get();
        long started = System.nanoTime();
        try {
            if (order.triedBefore() && adoptEarlierBuild(order)) {
                return;
            }
            QueuedBuild queued = jenkins.trigger(order.pipeline(), order.parameters());
            releases.queued(runId, queued.queueId(), queued.queueItemUrl().toString(), millisSince(started));
            log.info("{} {} queued in Jenkins as item {}", order.changeNumber(), order.pipeline(), queued.queueId());
        } catch (ConnectorException e) {
            releases.triggerFailed(runId, e.getMessage(), !e.retryable(), millisSince(started));
            throw e;
        }
    }

    private boolean adoptEarlierBuild(PipelineOrder order) {
        Optional<FoundBuild> found = jenkins.findByParameter(order.pipeline(), CHANGE_PARAMETER, order.changeNumber());
        found.ifPresent(build -> releases.adopted(order.runId(), build.queueId(), build.buildNumber(),
                build.url() == null ? null : build.url().toString()));
        return found.isPresent();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
