package io.itsmhub.core.change;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A pipeline run as the change shows it; {@code phase} is the one line a person reads ("building #7 for 1m 20s
 * of about 3m"), the other fields are for screens that draw their own progress bar.
 */
public record ReleaseRunView(long id, RunKind kind, String pipeline, Map<String, String> parameters, RunState state,
                             String phase, String requestedBy, Instant requestedAt, Long queueId, String queueWhy,
                             boolean stuck, Integer buildNumber, String buildUrl, Instant buildStartedAt,
                             Duration elapsed, Duration estimatedDuration, Duration duration, String result,
                             Instant finishedAt, String abortRequestedBy, String message) {

    static ReleaseRunView of(ReleaseRun r, Instant now) {
        Duration elapsed = r.getBuildStartedAt() == null ? null
                : Duration.between(r.getBuildStartedAt(), r.getFinishedAt() != null ? r.getFinishedAt() : now);
        Duration estimated = r.getEstimatedMillis() == null || r.getEstimatedMillis() < 0 ? null
                : Duration.ofMillis(r.getEstimatedMillis());
        Duration duration = r.getDurationMillis() == null ? null : Duration.ofMillis(r.getDurationMillis());
        return new ReleaseRunView(r.getId(), r.getKind(), r.getPipeline(), r.getParameters(), r.getState(),
                phase(r, elapsed, estimated, duration), r.getRequestedBy(), r.getRequestedAt(), r.getQueueId(),
                r.getQueueWhy(), r.isStuck(), r.getBuildNumber(), r.getBuildUrl(), r.getBuildStartedAt(), elapsed,
                estimated, duration, r.getResult(), r.getFinishedAt(), r.getAbortRequestedBy(), r.getMessage());
    }

    private static String phase(ReleaseRun r, Duration elapsed, Duration estimated, Duration duration) {
        String abort = r.getAbortRequestedBy() != null && r.getState() != RunState.FINISHED
                ? " (abort requested by " + r.getAbortRequestedBy() + ")" : "";
        return switch (r.getState()) {
            case REQUESTED -> (r.getMessage() == null ? "handing to Jenkins" : "handing to Jenkins: " + r.getMessage()) + abort;
            case NOT_STARTED -> "not started: " + r.getMessage();
            case QUEUED -> (r.isStuck() ? "stuck in queue: " : "queued: ") + (r.getQueueWhy() == null ? "waiting" : r.getQueueWhy()) + abort;
            case BUILDING -> "building #" + r.getBuildNumber() + (elapsed == null ? "" : " for " + human(elapsed))
                    + (estimated == null ? "" : " of about " + human(estimated)) + abort;
            case FINISHED -> "finished: " + r.getResult() + (r.getBuildNumber() == null ? "" : " (#" + r.getBuildNumber() + ")")
                    + (duration == null ? "" : " in " + human(duration));
        };
    }

    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 60 ? s + "s" : s < 3600 ? (s / 60) + "m " + (s % 60) + "s" : (s / 3600) + "h " + (s % 3600 / 60) + "m";
    }
}
