package io.itsmhub.hub.release;

import io.itsmhub.connectors.ConnectorException;
import io.itsmhub.connectors.jenkins.BuildState;
import io.itsmhub.connectors.jenkins.FoundBuild;
import io.itsmhub.connectors.jenkins.JenkinsClient;
import io.itsmhub.connectors.jenkins.QueueItemState;
import io.itsmhub.connectors.jenkins.QueuedBuild;
import java.util.Map;
import java.util.Optional;

/** Stands in when no Jenkins is configured: every call fails for good with the property to set. */
class UnconfiguredJenkins implements JenkinsClient {

    private static ConnectorException missing() {
        return ConnectorException.permanent("jenkins", "no Jenkins is configured (set hub.jenkins.url, user and api-token)", null);
    }

    @Override public QueuedBuild trigger(String jobPath, Map<String, String> parameters) { throw missing(); }
    @Override public QueueItemState queueItem(long queueId) { throw missing(); }
    @Override public BuildState build(String jobPath, int buildNumber) { throw missing(); }
    @Override public void stop(String jobPath, int buildNumber) { throw missing(); }
    @Override public void cancelQueueItem(long queueId) { throw missing(); }
    @Override public Optional<FoundBuild> findByParameter(String jobPath, String name, String value) { throw missing(); }
}
