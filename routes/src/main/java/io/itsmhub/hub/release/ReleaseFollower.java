package io.itsmhub.hub.release;

import io.itsmhub.connectors.ConnectorException;
import io.itsmhub.connectors.jenkins.BuildState;
import io.itsmhub.connectors.jenkins.FoundBuild;
import io.itsmhub.connectors.jenkins.JenkinsClient;
import io.itsmhub.connectors.jenkins.JenkinsSettings;
import io.itsmhub.connectors.jenkins.QueueItemState;
import io.itsmhub.core.change.ActiveRun;
import io.itsmhub.core.change.ReleaseService;
import io.itsmhub.core.change.RunState;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Follows every run that Jenkins holds, from the database rather than from memory, so that a restarted hub picks
 * up the same queue items and builds. One poll per run: queue item → build number → build result; an abort the
 * release manager asked for is sent here too. A failing poll is recorded on the run and tried again next time.
 */
@Component
class ReleaseFollower {

    private static final Logger log = LoggerFactory.getLogger(ReleaseFollower.class);

    private final ReleaseService releases;
    private final JenkinsClient jenkins;
    private final JenkinsSettings settings;
    private final Clock clock;

    ReleaseFollower(ReleaseService releases, JenkinsClient jenkins, JenkinsSettings settings, Clock clock) {
        this.releases = releases;
        this.jenkins = jenkins;
        this.settings = settings;
        this.clock = clock;
    }

    /** Polls each active run once; one run's trouble does not hold up the others. */
    int pollAll() {
        int polled = 0;
        for (ActiveRun run : releases.active()) {
            try {
                follow(run);
                polled++;
            } catch (ConnectorException e) {
                releases.followingFailed(run.runId(), e.getMessage());
            } catch (RuntimeException e) {
                log.warn("{} following run {} failed", run.changeNumber(), run.runId(), e);
            }
        }
        return polled;
    }

    private void follow(ActiveRun run) {
        if (run.abortRequested() && !run.abortSent()) {
            if (run.state() == RunState.BUILDING) {
                jenkins.stop(run.pipeline(), run.buildNumber());
            } else {
                jenkins.cancelQueueItem(run.queueId());
            }
            releases.abortSent(run.runId());
        }
        Integer build = run.buildNumber();
        if (run.state() == RunState.QUEUED) {
            build = followQueue(run);
            if (build == null) {
                return;
            }
        }
        BuildState state = jenkins.build(run.pipeline(), build);
        releases.clearMessage(run.runId());
        releases.building(run.runId(), state.startedAt(), state.estimatedDuration());
        if (!state.building()) {
            releases.finished(run.runId(), state.result(), state.duration());
        }
    }

    /** The build number once the queue item has left the queue; null while it waits (or was cancelled). */
    private Integer followQueue(ActiveRun run) {
        QueueItemState item;
        try {
            item = jenkins.queueItem(run.queueId());
        } catch (ConnectorException e) {
            if (e.retryable()) {
                throw e;
            }
            return lostQueueItem(run, e);
        }
        if (item.cancelled()) {
            releases.finished(run.runId(), "CANCELLED", null);
            return null;
        }
        if (!item.started()) {
            boolean stuck = run.queuedAt() != null
                    && run.queuedAt().plus(settings.queueTimeout()).isBefore(clock.instant());
            releases.waiting(run.runId(), item.why(), stuck);
            return null;
        }
        releases.started(run.runId(), item.buildNumber(), item.buildUrl().toString());
        return item.buildNumber();
    }

    /** Jenkins forgets a queue item some minutes after it leaves the queue; the build is found by its change. */
    private Integer lostQueueItem(ActiveRun run, ConnectorException cause) {
        Optional<FoundBuild> found = jenkins.findByParameter(run.pipeline(), ReleaseTrigger.CHANGE_PARAMETER, run.changeNumber());
        if (found.isPresent() && found.get().buildNumber() != null) {
            releases.started(run.runId(), found.get().buildNumber(), found.get().url().toString());
            return found.get().buildNumber();
        }
        releases.buildNotFound(run.runId(), cause.getMessage());
        releases.finished(run.runId(), "NOT_BUILT", null);
        return null;
    }
}
