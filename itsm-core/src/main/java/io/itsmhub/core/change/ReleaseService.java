package io.itsmhub.core.change;

import io.itsmhub.core.change.ReleaseEvents.ReleaseFinished;
import io.itsmhub.core.change.ReleaseEvents.ReleaseRequested;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.incident.IncidentForm;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.outbox.Outbox;
import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.common.ConflictException;
import io.itsmhub.core.common.TicketNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of pipeline runs: starts a release change's pipeline (by a release manager inside the window,
 * or by the hub when the window opens), records what Jenkins says step by step, and settles the change, the CMDB
 * and, on failure, an incident. Every method is one transaction; routes call them between Jenkins calls.
 */
@Service
@Transactional
public class ReleaseService {

    private static final Logger log = LoggerFactory.getLogger(ReleaseService.class);
    static final String SYSTEM = "jenkins";

    private final ChangeRepository changes;
    private final ReleaseRunRepository runs;
    private final ChangeService changeService;
    private final ChangeRules rules;
    private final IncidentService incidents;
    private final CmdbService cmdb;
    private final Journal journal;
    private final Outbox outbox;
    private final CurrentUser currentUser;
    private final ReleaseSettings settings;
    private final Clock clock;

    ReleaseService(ChangeRepository changes, ReleaseRunRepository runs, ChangeService changeService, ChangeRules rules,
                   IncidentService incidents, CmdbService cmdb, Journal journal, Outbox outbox, CurrentUser currentUser,
                   ReleaseSettings settings, Clock clock) {
        this.changes = changes;
        this.runs = runs;
        this.changeService = changeService;
        this.rules = rules;
        this.incidents = incidents;
        this.cmdb = cmdb;
        this.journal = journal;
        this.outbox = outbox;
        this.currentUser = currentUser;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts the deployment of a scheduled release change; refused outside its window or in a freeze. */
    public ReleaseRunView deploy(String number) {
        Change change = load(number);
        if (!change.isRelease()) {
            throw new ConflictException("Not a release", number + " names no pipeline; it is implemented by hand");
        }
        Optional<ReleaseRun> existing = runs.findByChangeNumberAndKind(number, RunKind.DEPLOY);
        if (existing.isPresent()) {
            throw new ConflictException("Already deployed", "%s was deployed once already (%s); one approval, one build"
                    .formatted(number, ReleaseRunView.of(existing.get(), clock.instant()).phase()));
        }
        Instant now = clock.instant();
        rules.checkWindowOpen(change, now);
        rules.checkFreeze(change, change.getPlannedStart(), change.getPlannedEnd());
        changeService.implement(number);
        return request(change, RunKind.DEPLOY, change.getPipeline());
    }

    /** Runs the rollback pipeline of a change whose deployment failed; at most once. */
    public ReleaseRunView rollback(String number) {
        Change change = load(number);
        if (change.getRollbackPipeline() == null) {
            throw new ConflictException("No rollback pipeline", number + " names no rollback pipeline");
        }
        ReleaseRun deploy = runs.findByChangeNumberAndKind(number, RunKind.DEPLOY).orElse(null);
        if (deploy == null || deploy.getState() != RunState.FINISHED || "SUCCESS".equals(deploy.getResult())) {
            throw new ConflictException("Nothing to roll back", number + ": a rollback follows a failed deployment");
        }
        if (runs.findByChangeNumberAndKind(number, RunKind.ROLLBACK).isPresent()) {
            throw new ConflictException("Already rolled back", number + " has run its rollback pipeline once already");
        }
        return request(change, RunKind.ROLLBACK, change.getRollbackPipeline());
    }

    /** Scheduled release changes whose window is open now; the hub starts them when auto-start is on. */
    @Transactional(readOnly = true)
    public List<String> dueForDeployment() {
        return settings.autoStart() ? changes.releasesInWindow(clock.instant()) : List.of();
    }

    /**
     * Claims a run for a trigger attempt; empty when Jenkins already has it (a second delivery of the same
     * request) or when it was aborted before it got there.
     */
    public Optional<PipelineOrder> beginTrigger(long runId) {
        ReleaseRun run = runs.findById(runId).orElse(null);
        if (run == null || !EnumSet.of(RunState.REQUESTED, RunState.NOT_STARTED).contains(run.getState())) {
            return Optional.empty();
        }
        if (run.getAbortRequestedBy() != null) {
            finish(run, "ABORTED", null);
            return Optional.empty();
        }
        boolean triedBefore = run.getTriggerAttempts() > 0;
        run.attempt();
        return Optional.of(new PipelineOrder(runId, run.getChangeNumber(), run.getKind(), run.getPipeline(),
                run.getParameters(), triedBefore, run.getTriggerAttempts()));
    }

    /** Jenkins queued the run: stored before anything else, so that a restarted hub follows this queue item. */
    public void queued(long runId, long queueId, String queueUrl, long millis) {
        ReleaseRun run = loadRun(runId);
        if (run.getState() != RunState.REQUESTED) {
            return;
        }
        run.queued(queueId, queueUrl, clock.instant());
        journal.externalCall(run.getChangeNumber(), SYSTEM, "build " + run.getPipeline(), "queued as item " + queueId,
                millis, run.getTriggerAttempts());
    }

    /** A lost trigger answer whose build the hub found in Jenkins afterwards: followed, not built twice. */
    public void adopted(long runId, Long queueId, Integer buildNumber, String url) {
        ReleaseRun run = loadRun(runId);
        if (run.getState() != RunState.REQUESTED) {
            return;
        }
        journal.note(run.getChangeNumber(), SYSTEM, JournalMessage.of(JournalKeys.RELEASE_BUILD_ADOPTED, run.getPipeline(), url));
        if (queueId != null) {
            run.queued(queueId, url, clock.instant());
        }
        if (buildNumber != null) {
            if (queueId == null) {
                run.queued(-1, null, clock.instant());
            }
            run.started(buildNumber, url);
        }
    }

    public void triggerFailed(long runId, String error, boolean permanent, long millis) {
        ReleaseRun run = loadRun(runId);
        journal.externalCall(run.getChangeNumber(), SYSTEM, "build " + run.getPipeline(), "failed: " + error, millis,
                run.getTriggerAttempts());
        if (permanent) {
            run.notStarted(error);
            journal.note(run.getChangeNumber(), SYSTEM, JournalMessage.of(JournalKeys.RELEASE_NOT_STARTED, error));
        } else {
            run.message("attempt " + run.getTriggerAttempts() + " failed, retrying: " + error);
        }
    }

    @Transactional(readOnly = true)
    public List<ActiveRun> active() {
        return runs.findByStateIn(EnumSet.of(RunState.QUEUED, RunState.BUILDING)).stream().map(ActiveRun::of).toList();
    }

    /** Still in Jenkins' queue; the first time it counts as stuck the journal says why. */
    public void waiting(long runId, String why, boolean stuck) {
        ReleaseRun run = loadRun(runId);
        if (run.getState() != RunState.QUEUED) {
            return;
        }
        if (stuck && !run.isStuck()) {
            journal.note(run.getChangeNumber(), SYSTEM, JournalMessage.of(JournalKeys.RELEASE_STUCK, run.getQueuedAt(), why));
        }
        run.waiting(why, stuck);
    }

    public void started(long runId, int buildNumber, String buildUrl) {
        ReleaseRun run = loadRun(runId);
        if (run.getState() != RunState.QUEUED) {
            return;
        }
        run.started(buildNumber, buildUrl);
        journal.note(run.getChangeNumber(), SYSTEM, JournalMessage.of(JournalKeys.RELEASE_BUILD_STARTED, buildNumber,
                run.getPipeline(), buildUrl));
    }

    public void building(long runId, Instant startedAt, Duration estimated) {
        ReleaseRun run = loadRun(runId);
        run.progress(startedAt, estimated == null ? null : estimated.toMillis());
    }

    /** The last word on a run: SUCCESS, FAILURE, UNSTABLE, ABORTED, NOT_BUILT, or CANCELLED in the queue. */
    public void finished(long runId, String result, Duration duration) {
        ReleaseRun run = loadRun(runId);
        if (run.getState() == RunState.FINISHED) {
            return;
        }
        finish(run, result, duration);
    }

    /** Following the run in Jenkins failed (the follower tries again): journaled once per distinct error. */
    public void followingFailed(long runId, String error) {
        ReleaseRun run = loadRun(runId);
        followingFailed(run, error, JournalMessage.of(JournalKeys.RELEASE_FOLLOWING_FAILED, run.getPipeline(), error));
    }

    /** Following failed and Jenkins has no build of the change either: the run ends NOT_BUILT after this. */
    public void buildNotFound(long runId, String error) {
        ReleaseRun run = loadRun(runId);
        // the run's message is a stored field the release page shows as is: it keeps its English text
        followingFailed(run, error + "; no build of " + run.getChangeNumber() + " found in Jenkins",
                JournalMessage.of(JournalKeys.RELEASE_BUILD_NOT_FOUND, run.getPipeline(), error, run.getChangeNumber()));
    }

    private void followingFailed(ReleaseRun run, String message, JournalMessage line) {
        if (!message.equals(run.getMessage())) {
            journal.note(run.getChangeNumber(), SYSTEM, line);
        }
        run.message(message);
    }

    public void clearMessage(long runId) {
        ReleaseRun run = loadRun(runId);
        if (run.getMessage() != null && run.getState().inJenkins()) {
            run.message(null);
        }
    }

    /** A release manager stops the running pipeline: the hub aborts the build or cancels the queue item. */
    public ReleaseRunView abort(String number) {
        load(number);
        ReleaseRun run = runs.findByChangeNumberOrderByIdAsc(number).stream()
                .filter(r -> r.getState() != RunState.FINISHED).reduce((a, b) -> b)
                .orElseThrow(() -> new ConflictException("Nothing running", number + " has no pipeline run in progress"));
        String actor = currentUser.username();
        journal.note(number, actor, JournalMessage.of(JournalKeys.RELEASE_ABORT_REQUESTED, run.getPipeline()));
        run.abortRequested(actor);
        if (!run.getState().inJenkins()) {
            finish(run, "ABORTED", null);
        }
        return ReleaseRunView.of(run, clock.instant());
    }

    public void abortSent(long runId) {
        ReleaseRun run = loadRun(runId);
        run.abortSent();
        journal.note(run.getChangeNumber(), SYSTEM, run.getBuildNumber() == null
                ? JournalMessage.of(JournalKeys.RELEASE_QUEUE_ITEM_CANCELLED, run.getQueueId())
                : JournalMessage.of(JournalKeys.RELEASE_STOP_SENT, run.getBuildNumber()));
    }

    @Transactional(readOnly = true)
    public List<ReleaseRunView> runs(String number) {
        load(number);
        Instant now = clock.instant();
        return runs.findByChangeNumberOrderByIdAsc(number).stream().map(r -> ReleaseRunView.of(r, now)).toList();
    }

    /** The change's parameters as Jenkins takes them, plus the two the hub adds to every build. */
    private static Map<String, String> buildParameters(Change change) {
        Map<String, String> parameters = new LinkedHashMap<>(ReleaseParameters.asText(change.getPipelineParameters()));
        parameters.put("ITSM_CHANGE", change.getNumber());
        if (change.getReleaseVersion() != null) {
            parameters.put("ITSM_VERSION", change.getReleaseVersion());
        }
        return parameters;
    }

    private ReleaseRunView request(Change change, RunKind kind, String pipeline) {
        Map<String, String> parameters = buildParameters(change);
        String actor = currentUser.username();
        ReleaseRun run = runs.save(new ReleaseRun(change.getNumber(), kind, pipeline, parameters, actor, clock.instant()));
        boolean deploy = kind == RunKind.DEPLOY;
        journal.note(change.getNumber(), actor, change.getReleaseVersion() == null
                ? JournalMessage.of(deploy ? JournalKeys.RELEASE_DEPLOYMENT_REQUESTED : JournalKeys.RELEASE_ROLLBACK_REQUESTED,
                        pipeline)
                : JournalMessage.of(deploy ? JournalKeys.RELEASE_DEPLOYMENT_REQUESTED_VERSION
                        : JournalKeys.RELEASE_ROLLBACK_REQUESTED_VERSION, pipeline, change.getReleaseVersion()));
        outbox.publish(change.getNumber(), new ReleaseRequested(change.getNumber(), run.getId(), kind, pipeline));
        return ReleaseRunView.of(run, clock.instant());
    }

    private void finish(ReleaseRun run, String result, Duration duration) {
        run.finished(result, duration == null ? null : duration.toMillis(), clock.instant());
        String number = run.getChangeNumber();
        Change change = load(number);
        boolean success = "SUCCESS".equals(result);
        JournalMessage summary = finishedLine(run, result, duration);
        journal.note(number, SYSTEM, summary);
        String incident = null;
        if (run.getKind() == RunKind.DEPLOY) {
            if (change.getStatus() == ChangeStatus.IMPLEMENTING) {
                changeService.review(number, success ? Outcome.SUCCESSFUL : Outcome.FAILED, summary);
            }
            if (success) {
                recordVersions(change, run);
            }
        }
        if (!success) {
            if (run.getAbortRequestedBy() != null) {
                journal.note(number, SYSTEM, JournalMessage.of(JournalKeys.RELEASE_ABORTED_BY, run.getAbortRequestedBy()));
            } else {
                incident = raiseIncident(change, run, result);
            }
            if (run.getKind() == RunKind.DEPLOY && change.getRollbackPipeline() != null) {
                journal.note(number, SYSTEM, JournalMessage.of(JournalKeys.RELEASE_ROLLBACK_READY, change.getRollbackPipeline()));
            }
        }
        outbox.publish(number, new ReleaseFinished(number, run.getKind(), result, run.getBuildUrl(), incident));
        log.info("{} {} finished {}", number, run.getKind(), result);
    }

    /** "Deployment of app-deploy finished: SUCCESS (build #7) in 2m 05s": build and duration when known. */
    private static JournalMessage finishedLine(ReleaseRun run, String result, Duration duration) {
        boolean deploy = run.getKind() == RunKind.DEPLOY;
        Integer build = run.getBuildNumber();
        if (build == null) {
            return duration == null
                    ? JournalMessage.of(deploy ? JournalKeys.RELEASE_DEPLOYMENT_FINISHED : JournalKeys.RELEASE_ROLLBACK_FINISHED,
                            run.getPipeline(), result)
                    : JournalMessage.of(deploy ? JournalKeys.RELEASE_DEPLOYMENT_FINISHED_DURATION
                            : JournalKeys.RELEASE_ROLLBACK_FINISHED_DURATION, run.getPipeline(), result, ReleaseRunView.human(duration));
        }
        return duration == null
                ? JournalMessage.of(deploy ? JournalKeys.RELEASE_DEPLOYMENT_FINISHED_BUILD : JournalKeys.RELEASE_ROLLBACK_FINISHED_BUILD,
                        run.getPipeline(), result, build)
                : JournalMessage.of(deploy ? JournalKeys.RELEASE_DEPLOYMENT_FINISHED_BUILD_DURATION
                        : JournalKeys.RELEASE_ROLLBACK_FINISHED_BUILD_DURATION, run.getPipeline(), result, build,
                        ReleaseRunView.human(duration));
    }

    private void recordVersions(Change change, ReleaseRun run) {
        if (change.getReleaseVersion() == null || change.getTargetCis().isEmpty()) {
            return;
        }
        for (String ci : change.getTargetCis()) {
            cmdb.setAttribute(ci, "version", change.getReleaseVersion(), JournalMessage.of(JournalKeys.CI_VERSION_DEPLOYED,
                    change.getReleaseVersion(), change.getNumber(), run.getBuildUrl()));
        }
        journal.note(change.getNumber(), SYSTEM, JournalMessage.of(JournalKeys.RELEASE_VERSION_RECORDED,
                change.getReleaseVersion(), String.join(", ", change.getTargetCis())));
    }

    private String raiseIncident(Change change, ReleaseRun run, String result) {
        String what = run.getKind() == RunKind.DEPLOY ? "Deployment" : "Rollback";
        String ref = run.getBuildUrl() != null ? run.getBuildUrl() : run.getPipeline();
        String ci = change.getTargetCis().stream().findFirst().orElse(null);
        String number = incidents.create(new IncidentForm(
                "%s of %s failed: %s %s".formatted(what, change.getNumber(), run.getPipeline(), result),
                "%s %s of %s (%s) ended %s.\nBuild: %s".formatted(what, run.getPipeline(), change.getNumber(),
                        change.getTitle(), result, ref),
                settings.failureImpact(), settings.failureUrgency(), null, change.getAssignmentGroup(),
                change.getAssignee(), ci, null, "jenkins", ref.length() > 200 ? ref.substring(0, 200) : ref)).number();
        boolean deploy = run.getKind() == RunKind.DEPLOY;
        incidents.linkChange(number, change.getNumber(), JournalMessage.of(deploy ? JournalKeys.INCIDENT_CHANGE_DEPLOYMENT_FAILED
                : JournalKeys.INCIDENT_CHANGE_ROLLBACK_FAILED, change.getNumber()));
        journal.note(change.getNumber(), SYSTEM, JournalMessage.of(deploy ? JournalKeys.RELEASE_INCIDENT_FOR_DEPLOYMENT
                : JournalKeys.RELEASE_INCIDENT_FOR_ROLLBACK, number));
        return number;
    }

    private Change load(String number) {
        return changes.findByNumber(number).orElseThrow(() -> new TicketNotFoundException("change", number));
    }

    private ReleaseRun loadRun(long runId) {
        return runs.findById(runId).orElseThrow(() -> new TicketNotFoundException("release run", String.valueOf(runId)));
    }
}
