package io.itsmhub.core.change;

import java.time.Instant;

/** A run that Jenkins holds, as the follower polls it. */
public record ActiveRun(long runId, String changeNumber, String pipeline, RunState state, Long queueId,
                        Integer buildNumber, Instant queuedAt, boolean stuck, boolean abortRequested,
                        boolean abortSent) {

    static ActiveRun of(ReleaseRun r) {
        return new ActiveRun(r.getId(), r.getChangeNumber(), r.getPipeline(), r.getState(), r.getQueueId(),
                r.getBuildNumber(), r.getQueuedAt(), r.isStuck(), r.getAbortRequestedBy() != null, r.isAbortSent());
    }
}
