package io.itsmhub.core.change;

import com.fasterxml.jackson.core.type.TypeReference;
import io.itsmhub.core.common.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;

/**
 * One run of a change's pipeline in Jenkins, as far as the hub knows it. The queue item and then the build number
 * are stored the moment Jenkins names them, so that a hub that restarts follows the same build.
 */
@Entity
@Table(name = "release_run")
class ReleaseRun {

    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() { };

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "change_number", nullable = false, length = 20)
    private String changeNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private RunKind kind;

    @Column(nullable = false, length = 300)
    private String pipeline;

    @Column(length = 100000)
    private String parameters;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RunState state = RunState.REQUESTED;

    @Column(name = "requested_by", nullable = false, length = 100)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "trigger_attempts", nullable = false)
    private int triggerAttempts;

    @Column(name = "queue_id")
    private Long queueId;

    @Column(name = "queue_url", length = 2000)
    private String queueUrl;

    @Column(name = "queued_at")
    private Instant queuedAt;

    @Column(name = "queue_why", length = 1000)
    private String queueWhy;

    @Column(nullable = false)
    private boolean stuck;

    @Column(name = "build_number")
    private Integer buildNumber;

    @Column(name = "build_url", length = 2000)
    private String buildUrl;

    @Column(name = "build_started_at")
    private Instant buildStartedAt;

    @Column(name = "estimated_millis")
    private Long estimatedMillis;

    @Column(name = "duration_millis")
    private Long durationMillis;

    @Column(length = 20)
    private String result;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "abort_requested_by", length = 100)
    private String abortRequestedBy;

    @Column(name = "abort_sent", nullable = false)
    private boolean abortSent;

    @Column(length = 2000)
    private String message;

    @Version
    private Long version;

    protected ReleaseRun() { }

    ReleaseRun(String changeNumber, RunKind kind, String pipeline, Map<String, String> parameters, String requestedBy,
               Instant now) {
        this.changeNumber = changeNumber;
        this.kind = kind;
        this.pipeline = pipeline;
        this.parameters = JsonColumn.write(parameters);
        this.requestedBy = requestedBy;
        this.requestedAt = now;
    }

    Long getId() { return id; }
    String getChangeNumber() { return changeNumber; }
    RunKind getKind() { return kind; }
    String getPipeline() { return pipeline; }
    Map<String, String> getParameters() { return JsonColumn.read(parameters, PARAMETERS); }
    RunState getState() { return state; }
    String getRequestedBy() { return requestedBy; }
    Instant getRequestedAt() { return requestedAt; }
    int getTriggerAttempts() { return triggerAttempts; }
    Long getQueueId() { return queueId; }
    String getQueueUrl() { return queueUrl; }
    Instant getQueuedAt() { return queuedAt; }
    String getQueueWhy() { return queueWhy; }
    boolean isStuck() { return stuck; }
    Integer getBuildNumber() { return buildNumber; }
    String getBuildUrl() { return buildUrl; }
    Instant getBuildStartedAt() { return buildStartedAt; }
    Long getEstimatedMillis() { return estimatedMillis; }
    Long getDurationMillis() { return durationMillis; }
    String getResult() { return result; }
    Instant getFinishedAt() { return finishedAt; }
    String getAbortRequestedBy() { return abortRequestedBy; }
    boolean isAbortSent() { return abortSent; }
    String getMessage() { return message; }

    void attempt() {
        triggerAttempts++;
        state = RunState.REQUESTED;
    }

    void notStarted(String why) {
        state = RunState.NOT_STARTED;
        message(why);
    }

    void queued(long id, String url, Instant now) {
        state = RunState.QUEUED;
        queueId = id;
        queueUrl = url;
        queuedAt = now;
        message = null;
    }

    void waiting(String why, boolean stuckNow) {
        queueWhy = why;
        stuck = stuckNow;
    }

    void started(int number, String url) {
        state = RunState.BUILDING;
        buildNumber = number;
        buildUrl = url;
        stuck = false;
        queueWhy = null;
    }

    void progress(Instant startedAt, Long estimated) {
        buildStartedAt = startedAt;
        estimatedMillis = estimated;
    }

    void finished(String result, Long duration, Instant now) {
        state = RunState.FINISHED;
        this.result = result;
        durationMillis = duration;
        finishedAt = now;
        stuck = false;
    }

    void abortRequested(String by) {
        abortRequestedBy = by;
    }

    void abortSent() {
        abortSent = true;
    }

    void message(String text) {
        message = text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
