package io.itsmhub.hub.console.release;

import io.itsmhub.core.change.ReleaseRunView;
import io.itsmhub.core.change.RunKind;
import io.itsmhub.core.change.RunState;
import java.time.Duration;

/**
 * A pipeline run as the page draws it: the core's own one-line {@code phase}, a badge for its state, and a
 * progress bar from the elapsed time against Jenkins' estimate while it builds.
 */
record RunLine(ReleaseRunView run) {

    public boolean finished() {
        return run.state() == RunState.FINISHED;
    }

    public boolean succeeded() {
        return finished() && "SUCCESS".equals(run.result());
    }

    public boolean failed() {
        return finished() && !succeeded() || run.state() == RunState.NOT_STARTED;
    }

    public boolean deploy() {
        return run.kind() == RunKind.DEPLOY;
    }

    /** ok / bad / warn / run, as console.css colours badges. */
    public String badge() {
        if (succeeded()) {
            return "ok";
        }
        if (failed()) {
            return "bad";
        }
        return run.stuck() ? "warn" : "run";
    }

    /** done / failed / running, as console.css marks timeline entries. */
    public String timeline() {
        return succeeded() ? "done" : failed() ? "failed" : "running";
    }

    /** The word the badge shows: the result once finished, else the state. */
    public String label() {
        return finished() && run.result() != null ? "result." + run.result() : "state." + run.state();
    }

    /** Whether a bar can be drawn: a build with an estimate, or a finished build. */
    public boolean hasProgress() {
        return run.state() == RunState.BUILDING && run.estimatedDuration() != null && !run.estimatedDuration().isZero()
                || succeeded();
    }

    /** Seconds elapsed, capped just below the estimate while the build still runs (estimates are often short). */
    public long progressValue() {
        if (succeeded()) {
            return progressMax();
        }
        long elapsed = run.elapsed() == null ? 0 : run.elapsed().toSeconds();
        return Math.min(elapsed, Math.max(0, progressMax() - 1));
    }

    public long progressMax() {
        Duration estimate = run.estimatedDuration();
        return estimate == null || estimate.toSeconds() < 1 ? 1 : estimate.toSeconds();
    }

    public int percent() {
        return (int) (100 * progressValue() / progressMax());
    }
}
