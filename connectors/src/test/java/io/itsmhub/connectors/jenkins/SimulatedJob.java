package io.itsmhub.connectors.jenkins;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A job of a {@link JenkinsSimulator}, and the test's handle on how it behaves. Configure before triggering;
 * a build takes the configuration current when it starts. All timing is wall-clock and deterministic: an item
 * queued at t starts at t + queue wait, and its build ends after the build duration, unless held.
 */
public final class SimulatedJob {

    /** The results Jenkins knows. */
    public static final Set<String> RESULTS = Set.of("SUCCESS", "UNSTABLE", "FAILURE", "NOT_BUILT", "ABORTED");

    /** One trigger request that reached the job, as Jenkins received it. */
    public record Trigger(String user, Map<String, String> parameters, int status, Long queueId) {

        /** Whether Jenkins answered 201 (a new or an identical waiting queue item). */
        public boolean queued() {
            return queueId != null;
        }
    }

    final JenkinsSimulator jenkins;
    final String fullName;

    // Guarded by jenkins (the simulator's lock), like everything below.
    String result = "SUCCESS";
    Duration queueWait = Duration.ZERO;
    String why = "Waiting for next available executor";
    Duration buildDuration = Duration.ofMillis(200);
    Duration estimatedDuration;
    boolean holdInQueue;
    boolean holdRunning;
    int failingTriggers;
    int failingStatus;
    Duration nextTriggerDelay;
    /** Declared parameters and their defaults; null for a job without parameters. */
    LinkedHashMap<String, String> parameterDefinitions;
    int nextBuildNumber = 1;
    final List<JenkinsSimulator.Build> builds = new ArrayList<>();
    final List<Trigger> triggers = new ArrayList<>();

    SimulatedJob(JenkinsSimulator jenkins, String fullName) {
        this.jenkins = jenkins;
        this.fullName = fullName;
    }

    /** The result its builds end with (SUCCESS, UNSTABLE, FAILURE, NOT_BUILT or ABORTED); default SUCCESS. */
    public SimulatedJob result(String result) {
        if (!RESULTS.contains(result)) {
            throw new IllegalArgumentException("not a Jenkins result: " + result);
        }
        synchronized (jenkins) {
            this.result = result;
        }
        return this;
    }

    /** How long new items wait in the queue, and the {@code why} Jenkins gives meanwhile; default 0. */
    public SimulatedJob queueFor(Duration wait, String why) {
        synchronized (jenkins) {
            this.queueWait = Objects.requireNonNull(wait, "wait");
            this.why = Objects.requireNonNull(why, "why");
        }
        return this;
    }

    /** How long its builds run; default 200 ms. */
    public SimulatedJob runFor(Duration duration) {
        synchronized (jenkins) {
            this.buildDuration = Objects.requireNonNull(duration, "duration");
        }
        return this;
    }

    /** What Jenkins estimates a build takes; default: the build duration. Null: no estimate (-1, as Jenkins). */
    public SimulatedJob estimatedDuration(Duration estimate) {
        synchronized (jenkins) {
            this.estimatedDuration = estimate == null ? Duration.ofMillis(-1) : estimate;
        }
        return this;
    }

    /**
     * Declares string parameters with an empty default, making this a parameterized job. Jenkins drops the
     * parameters a trigger sends that the job does not declare, and fills in defaults for those it omits.
     */
    public SimulatedJob parameters(String... names) {
        for (String name : names) {
            parameter(name, "");
        }
        return this;
    }

    /** Declares one string parameter with a default. */
    public SimulatedJob parameter(String name, String defaultValue) {
        synchronized (jenkins) {
            if (parameterDefinitions == null) {
                parameterDefinitions = new LinkedHashMap<>();
            }
            parameterDefinitions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(defaultValue));
        }
        return this;
    }

    /** New items stay in the queue (with this job's {@code why}) until {@link #release()}. */
    public SimulatedJob holdInQueue() {
        synchronized (jenkins) {
            holdInQueue = true;
        }
        return this;
    }

    /** Builds that start keep running until {@link #release()} (or a stop). */
    public SimulatedJob holdRunning() {
        synchronized (jenkins) {
            holdRunning = true;
        }
        return this;
    }

    /** Ends both holds: held items start now, held builds end now with the configured result. */
    public void release() {
        synchronized (jenkins) {
            holdInQueue = false;
            holdRunning = false;
            jenkins.release(this);
        }
    }

    /** The next {@code count} triggers are answered with {@code status} (e.g. 500, 503) and queue nothing. */
    public SimulatedJob failNextTriggers(int count, int status) {
        synchronized (jenkins) {
            failingTriggers = count;
            failingStatus = status;
        }
        return this;
    }

    /** The next trigger is queued at once but answered only after {@code delay}: a lost answer for a client
     * whose timeout is shorter. */
    public SimulatedJob answerNextTriggerAfter(Duration delay) {
        synchronized (jenkins) {
            nextTriggerDelay = Objects.requireNonNull(delay, "delay");
        }
        return this;
    }

    /** Every trigger request that reached this job, oldest first. */
    public List<Trigger> triggers() {
        synchronized (jenkins) {
            return List.copyOf(triggers);
        }
    }

    /** How many builds this job has started. */
    public int buildCount() {
        synchronized (jenkins) {
            jenkins.advance();
            return builds.size();
        }
    }

    public String fullName() {
        return fullName;
    }
}
