package io.itsmhub.connectors.jenkins;

import java.net.URI;
import java.time.Instant;

/**
 * A queue item now.
 *
 * @param queueId      Jenkins' queue item id
 * @param cancelled    whether it was cancelled before it started (then it never starts)
 * @param why          why it is still waiting (e.g. "Waiting for next available executor"), null once it left
 * @param buildNumber  the build it started, null while waiting or when cancelled
 * @param buildUrl     that build's URL, null likewise
 * @param inQueueSince when it was queued
 */
public record QueueItemState(long queueId, boolean cancelled, String why, Integer buildNumber, URI buildUrl,
        Instant inQueueSince) {

    public boolean started() {
        return buildNumber != null;
    }
}
