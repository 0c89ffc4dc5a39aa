package io.itsmhub.connectors.jenkins;

import java.util.Map;
import java.util.Optional;

/**
 * What the hub needs from Jenkins, and no more. Job paths are Jenkins full names: folders separated by
 * {@code '/'}, e.g. {@code "payments/deploy-prod"}. Every method throws
 * {@link io.itsmhub.connectors.ConnectorException} (system {@code "jenkins"}) on failure, retryable for no answer,
 * timeouts, 408, 429 and 5xx, permanent otherwise; the messages name the job and never carry the API token.
 */
public interface JenkinsClient {

    /**
     * POST buildWithParameters (or build when parameters are empty). jobPath like "payments/deploy-prod"
     * (folders separated by '/'). Jenkins keeps only the parameters the job declares, and answers an identical
     * trigger of an item still waiting in its queue with that same item.
     */
    QueuedBuild trigger(String jobPath, Map<String, String> parameters);

    /** GET queue/item/{id}/api/json */
    QueueItemState queueItem(long queueId);

    /** GET job/.../{number}/api/json */
    BuildState build(String jobPath, int buildNumber);

    /** POST job/.../{number}/stop; stopping a build that has already finished is a no-op. */
    void stop(String jobPath, int buildNumber);

    /**
     * POST queue/cancelItem?id=. Succeeds when the item is (now or already) cancelled; fails permanently when it
     * has already started a build, which then needs {@link #stop}.
     */
    void cancelQueueItem(long queueId);

    /**
     * Finds a build or queue item of jobPath that has parameter name=value: first the queue (GET queue/api/json),
     * then the job's most recent builds (up to 20). Used to adopt a build whose trigger answer was lost. Empty
     * when none. The value must be one line without '=' and without surrounding blanks (Jenkins' queue reports
     * parameters as "name=value" lines), else {@link IllegalArgumentException}.
     */
    Optional<FoundBuild> findByParameter(String jobPath, String name, String value);
}
