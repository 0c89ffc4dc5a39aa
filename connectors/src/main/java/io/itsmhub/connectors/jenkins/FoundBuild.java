package io.itsmhub.connectors.jenkins;

import java.net.URI;

/**
 * A build or queue item found by {@link JenkinsClient#findByParameter}.
 *
 * @param queueId     set when still queued (then {@code buildNumber} is null)
 * @param buildNumber set when started (then {@code queueId} is null)
 * @param url         the queue item's URL while queued, else the build's URL
 */
public record FoundBuild(Long queueId, Integer buildNumber, URI url) { }
