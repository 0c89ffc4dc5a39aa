package io.itsmhub.core.change;

/**
 * Where a pipeline run is. REQUESTED: the hub is (re)trying to hand it to Jenkins; NOT_STARTED: Jenkins refused
 * it for good (unknown job, bad credentials) and an operator must fix and replay it; QUEUED and BUILDING: Jenkins
 * has it and the hub follows it; FINISHED: the result is in.
 */
public enum RunState {
    REQUESTED, NOT_STARTED, QUEUED, BUILDING, FINISHED;

    public boolean inJenkins() {
        return this == QUEUED || this == BUILDING;
    }
}
