package io.itsmhub.core.change;

import static io.itsmhub.core.change.ChangeWorkflow.WORKFLOW;

import io.itsmhub.core.change.ChangeEvents.ChangeAuthorised;
import io.itsmhub.core.change.ChangeEvents.ChangeCreated;
import io.itsmhub.core.change.ChangeEvents.ChangeReviewed;
import io.itsmhub.core.change.ChangeEvents.ChangeScheduled;
import io.itsmhub.core.change.ChangeEvents.ChangeTransitioned;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.outbox.Outbox;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.common.ConflictException;
import io.itsmhub.core.common.ForbiddenActionException;
import io.itsmhub.core.ticket.IllegalTransitionException;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.PageView;
import io.itsmhub.core.common.Specs;
import io.itsmhub.core.common.TicketSequences;
import io.itsmhub.core.ticket.TicketKernel;
import io.itsmhub.core.ticket.TicketKind;
import io.itsmhub.core.ticket.TicketTransitions;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only writer of changes. */
@Service
@Transactional
public class ChangeService {

    /** Where every field may still change; later only title and description do. */
    private static final Set<ChangeStatus> EDITABLE = EnumSet.of(ChangeStatus.NEW, ChangeStatus.ASSESS,
            ChangeStatus.AUTHORISED, ChangeStatus.SCHEDULED);
    /** Not a workflow action anyone can take: the journal's name for an edit that withdrew the authorisation. */
    static final String REASSESS = "reassess";

    private final ChangeRepository changes;
    private final PeopleService people;
    private final CmdbService cmdb;
    private final Journal journal;
    private final Outbox outbox;
    private final CurrentUser currentUser;
    private final TicketSequences sequences;
    private final TicketTransitions transitions;
    private final TicketKernel kernel;
    private final TicketKind<Change> kind;
    private final Clock clock;
    private final ChangeRules rules;
    private final ChangeTemplates templates;
    private final ReleaseRunRepository runs;

    ChangeService(ChangeRepository changes, PeopleService people, CmdbService cmdb, Journal journal,
                  Outbox outbox, CurrentUser currentUser, TicketSequences sequences,
                  TicketTransitions transitions, Clock clock, ChangeRules rules, ChangeTemplates templates,
                  ReleaseRunRepository runs, TicketKernel kernel) {
        this.rules = rules;
        this.templates = templates;
        this.runs = runs;
        this.changes = changes;
        this.people = people;
        this.cmdb = cmdb;
        this.journal = journal;
        this.outbox = outbox;
        this.currentUser = currentUser;
        this.sequences = sequences;
        this.transitions = transitions;
        this.kernel = kernel;
        this.kind = kernel.register(new TicketKind<>("change", "CHG", "requestedBy", changes::findByNumber, changes));
        this.clock = clock;
    }

    public ChangeView create(ChangeForm form) {
        people.checkAssignment(form.assignmentGroup(), form.assignee());
        checkWindow(form.plannedStart(), form.plannedEnd(), false);
        if (form.template() != null) {
            return createStandard(form, templates.loadApproved(form.template()));
        }
        if (form.type() == null) {
            throw InvalidInputException.of("type", "must not be null");
        }
        if (form.type() == ChangeType.STANDARD) {
            throw InvalidInputException.of("template", "a standard change is made from a pre-approved template");
        }
        templates.checkCis(form.targetCis());
        if (form.pipeline() == null && (form.parameters() != null && !form.parameters().isEmpty()
                || form.rollbackPipeline() != null)) {
            throw InvalidInputException.of("pipeline", "parameters and a rollback pipeline need a pipeline");
        }
        String actor = currentUser.username();
        Change change = new Change(sequences.next("change_seq"), form.title(), form.type(),
                form.risk() == null ? Risk.MEDIUM : form.risk(), actor, clock.instant());
        change.setDescription(form.description());
        change.setAssignmentGroup(form.assignmentGroup());
        change.setAssignee(form.assignee());
        change.setWindow(form.plannedStart(), form.plannedEnd());
        change.setRelease(form.pipeline(), ReleaseParameters.validate(form.parameters()), form.releaseVersion());
        change.setRollbackPipeline(form.rollbackPipeline());
        change.setTargetCis(form.targetCis() == null ? Set.of() : form.targetCis());
        kernel.place(change, null, null, null);
        changes.save(change);
        String number = change.getNumber();
        kernel.opened(change, actor, JournalMessage.of(JournalKeys.CHANGE_CREATED, change.getType(), change.getTitle()));
        outbox.publish(number, new ChangeCreated(number, change.getType(), actor));
        return view(change);
    }

    /**
     * A standard change: everything but version and window comes from the approved template, whose approval is its
     * authorisation, unless the requester is that approver: nobody authorises their own change, so theirs starts in
     * assessment and another change manager authorises it like a normal change.
     */
    private ChangeView createStandard(ChangeForm form, ChangeTemplate template) {
        List<String> fromTemplate = new java.util.ArrayList<>();
        if (form.type() != null && form.type() != ChangeType.STANDARD) fromTemplate.add("type");
        if (form.pipeline() != null) fromTemplate.add("pipeline");
        if (form.parameters() != null && !form.parameters().isEmpty()) fromTemplate.add("parameters");
        if (form.rollbackPipeline() != null) fromTemplate.add("rollbackPipeline");
        if (form.targetCis() != null && !form.targetCis().isEmpty()) fromTemplate.add("targetCis");
        if (form.risk() != null) fromTemplate.add("risk");
        if (!fromTemplate.isEmpty()) {
            throw new InvalidInputException(fromTemplate.stream().map(f -> new InvalidInputException.FieldError(f,
                    "comes from the pre-approved template " + template.getName())).toList());
        }
        String actor = currentUser.username();
        Change change = new Change(sequences.next("change_seq"), form.title(), ChangeType.STANDARD, template.getRisk(),
                actor, clock.instant());
        change.setDescription(form.description() != null ? form.description() : template.getDescription());
        change.setAssignmentGroup(form.assignmentGroup());
        change.setAssignee(form.assignee());
        change.setWindow(form.plannedStart(), form.plannedEnd());
        change.setRelease(template.getPipeline(), template.getParameters(), form.releaseVersion());
        change.setRollbackPipeline(template.getRollbackPipeline());
        change.setTargetCis(template.getTargetCis());
        change.setTemplate(template.getName());
        boolean ownApproval = actor.equals(template.getApprovedBy());
        change.setStatus(ownApproval ? ChangeStatus.ASSESS : ChangeStatus.AUTHORISED);
        change.setAuthorisedBy(ownApproval ? null : template.getApprovedBy());
        kernel.place(change, null, null, null);
        changes.save(change);
        String number = change.getNumber();
        kernel.opened(change, actor, JournalMessage.of(JournalKeys.CHANGE_CREATED_FROM_TEMPLATE, template.getName(),
                change.getTitle()));
        outbox.publish(number, new ChangeCreated(number, change.getType(), actor));
        if (ownApproval) {
            journal.transition(number, actor, ChangeWorkflow.ASSESS_ACTION, ChangeStatus.NEW, ChangeStatus.ASSESS,
                    JournalMessage.of(JournalKeys.CHANGE_OWN_TEMPLATE, actor, template.getName()));
        } else {
            journal.transition(number, actor, ChangeWorkflow.AUTHORISE, ChangeStatus.NEW, ChangeStatus.AUTHORISED,
                    JournalMessage.of(JournalKeys.CHANGE_PRE_APPROVED, template.getApprovedBy(), template.getName()));
            outbox.publish(number, new ChangeAuthorised(number, template.getApprovedBy()));
        }
        return view(change);
    }

    /**
     * Edits a change before implementation. Title and description change freely; a change to what an authorisation
     * covers ({@link ChangeEdit}) on an authorised or scheduled change sends it back to assessment, to be authorised
     * again, with the journal naming the fields and who changed them. Once implementation has started (a pipeline
     * may be running) only title and description change.
     */
    public ChangeView update(String number, ChangeUpdate update) {
        Change change = load(number);
        Map<String, Object> parameters = update.parameters() == null ? null : ReleaseParameters.validate(update.parameters());
        ChangeEdit edit = ChangeEdit.of(change, update, parameters);
        checkEditable(change, edit);
        String actor = currentUser.username();
        if (update.title() != null) {
            journal.fieldChanged(number, actor, "title", change.getTitle(), update.title());
            change.setTitle(update.title());
        }
        if (update.description() != null) {
            change.setDescription(update.description());
        }
        if (edit.any()) {
            applyAuthorisedFields(change, update, parameters, actor);
            if (change.getStatus() == ChangeStatus.AUTHORISED || change.getStatus() == ChangeStatus.SCHEDULED) {
                withdrawAuthorisation(change, edit, actor);
            }
        }
        change.touch(clock.instant());
        return view(change);
    }

    private void checkEditable(Change change, ChangeEdit edit) {
        String number = change.getNumber();
        if (change.getStatus() == ChangeStatus.CLOSED) {
            throw new IllegalTransitionException(number, "change", "update", change.getStatus().name(),
                    ChangeWorkflow.allowedFor(change));
        }
        if (!edit.any()) {
            return;
        }
        boolean running = runs.findByChangeNumberOrderByIdAsc(number).stream().anyMatch(r -> r.getState() != RunState.FINISHED);
        if (running || !EDITABLE.contains(change.getStatus())) {
            throw new ConflictException(running ? "Release in flight" : "Being implemented",
                    "%s is %s: %s can no longer change; only title and description can".formatted(number,
                            running ? "deploying (a pipeline run is in progress)" : change.getStatus().name(),
                            String.join(", ", edit.authorised())));
        }
        if (change.getTemplate() != null && !edit.fromTemplate().isEmpty()) {
            throw new InvalidInputException(edit.fromTemplate().stream().map(f -> new InvalidInputException.FieldError(f,
                    "comes from the pre-approved template " + change.getTemplate())).toList());
        }
    }

    private void applyAuthorisedFields(Change change, ChangeUpdate update, Map<String, Object> parameters, String actor) {
        String number = change.getNumber();
        if (update.risk() != null) {
            journal.fieldChanged(number, actor, "risk", change.getRisk(), update.risk());
            change.setRisk(update.risk());
        }
        if (update.plannedStart() != null || update.plannedEnd() != null) {
            Instant start = update.plannedStart() != null ? update.plannedStart() : change.getPlannedStart();
            Instant end = update.plannedEnd() != null ? update.plannedEnd() : change.getPlannedEnd();
            checkWindow(start, end, change.getStatus() == ChangeStatus.SCHEDULED);
            journal.fieldChanged(number, actor, "plannedStart", change.getPlannedStart(), start);
            journal.fieldChanged(number, actor, "plannedEnd", change.getPlannedEnd(), end);
            change.setWindow(start, end);
        }
        String pipeline = update.pipeline() != null ? update.pipeline() : change.getPipeline();
        Map<String, Object> newParameters = parameters != null ? parameters : change.getPipelineParameters();
        String rollback = update.rollbackPipeline() != null ? update.rollbackPipeline() : change.getRollbackPipeline();
        if (pipeline == null && (!newParameters.isEmpty() || rollback != null)) {
            throw InvalidInputException.of("pipeline", "parameters and a rollback pipeline need a pipeline");
        }
        String version = update.releaseVersion() != null ? update.releaseVersion() : change.getReleaseVersion();
        journal.fieldChanged(number, actor, "pipeline", change.getPipeline(), pipeline);
        if (parameters != null && !parameters.equals(change.getPipelineParameters())) {
            journal.fieldChanged(number, actor, "parameters", change.getPipelineParameters(), newParameters);
        }
        journal.fieldChanged(number, actor, "releaseVersion", change.getReleaseVersion(), version);
        change.setRelease(pipeline, newParameters, version);
        journal.fieldChanged(number, actor, "rollbackPipeline", change.getRollbackPipeline(), rollback);
        change.setRollbackPipeline(rollback);
        if (update.targetCis() != null && !Set.copyOf(update.targetCis()).equals(Set.copyOf(change.getTargetCis()))) {
            templates.checkCis(update.targetCis());
            journal.fieldChanged(number, actor, "targetCis", change.getTargetCis(), update.targetCis());
            change.setTargetCis(update.targetCis());
        }
    }

    /**
     * The authorisation covered the change as it was. A standard change keeps its pre-authorisation (its template
     * fixes everything but window and version) but a new window is scheduled again, freeze check included; any other
     * change goes back to assessment and needs a change manager's authorisation again.
     */
    private void withdrawAuthorisation(Change change, ChangeEdit edit, String actor) {
        String number = change.getNumber();
        ChangeStatus from = change.getStatus();
        String fields = String.join(", ", edit.authorised());
        if (change.getTemplate() != null) {
            if (from == ChangeStatus.SCHEDULED && edit.window()) {
                change.setStatus(ChangeStatus.AUTHORISED);
                journal.transition(number, actor, "reschedule", from, ChangeStatus.AUTHORISED,
                        JournalMessage.of(JournalKeys.CHANGE_RESCHEDULE, fields, actor));
                outbox.publish(number, new ChangeTransitioned(number, "reschedule", from, ChangeStatus.AUTHORISED, actor));
            }
            return;
        }
        change.setStatus(ChangeStatus.ASSESS);
        change.setAuthorisedBy(null);
        change.setExpedited(false);
        journal.transition(number, actor, REASSESS, from, ChangeStatus.ASSESS,
                JournalMessage.of(JournalKeys.CHANGE_REASSESS, fields, actor));
        outbox.publish(number, new ChangeTransitioned(number, REASSESS, from, ChangeStatus.ASSESS, actor));
    }

    public ChangeView assess(String number) {
        return transitioned(move(load(number), ChangeWorkflow.ASSESS_ACTION, null), ChangeWorkflow.ASSESS_ACTION, ChangeStatus.NEW);
    }

    public ChangeView authorise(String number, String comment) {
        Change change = load(number);
        String approver = currentUser.username();
        if (approver.equals(change.getRequestedBy())) {
            throw new ForbiddenActionException("a change manager cannot authorise their own change (" + number + ")");
        }
        boolean expedite = change.getStatus() == ChangeStatus.NEW;
        if (expedite && change.getType() != ChangeType.EMERGENCY) {
            throw new IllegalTransitionException(number, "change", ChangeWorkflow.AUTHORISE, change.getStatus().name(),
                    ChangeWorkflow.allowedFor(change));
        }
        move(change, ChangeWorkflow.AUTHORISE, JournalMessage.text(comment));
        change.setAuthorisedBy(approver);
        if (expedite) {
            change.setExpedited(true);
            journal.note(number, approver, JournalMessage.of(JournalKeys.CHANGE_EMERGENCY_AUTHORISED));
        }
        outbox.publish(number, new ChangeAuthorised(number, approver));
        return view(change);
    }

    public ChangeView schedule(String number, Instant start, Instant end) {
        Change change = load(number);
        Instant effectiveStart = start != null ? start : change.getPlannedStart();
        Instant effectiveEnd = end != null ? end : change.getPlannedEnd();
        checkWindow(effectiveStart, effectiveEnd, true);
        rules.checkFreeze(change, effectiveStart, effectiveEnd);
        move(change, ChangeWorkflow.SCHEDULE, JournalMessage.of(JournalKeys.CHANGE_WINDOW, effectiveStart, effectiveEnd));
        change.setWindow(effectiveStart, effectiveEnd);
        outbox.publish(number, new ChangeScheduled(number, effectiveStart, effectiveEnd, change.getPipeline(),
                Set.copyOf(change.getTargetCis())));
        return view(change);
    }

    public ChangeView implement(String number) {
        return transitioned(move(load(number), ChangeWorkflow.IMPLEMENT, null), ChangeWorkflow.IMPLEMENT, ChangeStatus.SCHEDULED);
    }

    public ChangeView review(String number, Outcome outcome, String note) {
        return review(number, outcome, JournalMessage.text(note));
    }

    /** The review with the hub's words as its note (a pipeline's result). */
    public ChangeView review(String number, Outcome outcome, JournalMessage note) {
        if (outcome == Outcome.CANCELLED) {
            throw InvalidInputException.of("outcome", "a change under review was implemented: SUCCESSFUL or FAILED");
        }
        Change change = move(load(number), ChangeWorkflow.REVIEW_ACTION, note);
        journal.fieldChanged(number, currentUser.username(), "outcome", change.getOutcome(), outcome);
        change.setOutcome(outcome);
        outbox.publish(number, new ChangeReviewed(number, outcome));
        return view(change);
    }

    public ChangeView close(String number, String note) {
        Change change = move(load(number), ChangeWorkflow.CLOSE, JournalMessage.text(note));
        change.setCloseNote(note);
        return transitioned(change, ChangeWorkflow.CLOSE, ChangeStatus.REVIEW);
    }

    public ChangeView cancel(String number, String reason) {
        Change change = load(number);
        ChangeStatus from = change.getStatus();
        move(change, ChangeWorkflow.CANCEL, JournalMessage.text(reason));
        change.setOutcome(Outcome.CANCELLED);
        change.setCloseNote(reason);
        return transitioned(change, ChangeWorkflow.CANCEL, from);
    }

    /** A public comment: whoever works the change reads it. */
    public void comment(String number, String text) {
        kernel.comment(load(number), text);
    }

    /** A work note: for staff only. */
    public void workNote(String number, String text) {
        kernel.workNote(load(number), text);
    }

    @Transactional(readOnly = true)
    public ChangeView get(String number) {
        return view(load(number));
    }

    @Transactional(readOnly = true)
    public List<JournalEntryView> journal(String number) {
        load(number);
        return journal.entries(number);
    }

    @Transactional(readOnly = true)
    public PageView<ChangeView> list(List<ChangeStatus> status, ChangeType type, String requestedBy, String ci,
                                     Pageable pageable) {
        Specification<Change> targets = ci == null ? null
                : (root, q, cb) -> cb.isMember(ci, root.<Set<String>>get("targetCis"));
        Specification<Change> spec = Specification.allOf(Specs.in("status", status), Specs.eq("type", type),
                Specs.eq("requestedBy", requestedBy), targets);
        return PageView.of(kernel.find(kind, spec, pageable), this::view);
    }

    /** Release changes (those with a pipeline) whose deployment window stands as {@code window} now. */
    @Transactional(readOnly = true)
    public PageView<ChangeView> releases(ReleaseWindow window, int size) {
        return PageView.of(kernel.find(kind, window.releasesAt(clock.instant()),
                org.springframework.data.domain.PageRequest.of(0, Math.max(1, Math.min(size, 500)), window.order())), this::view);
    }

    private void checkWindow(Instant start, Instant end, boolean required) {
        if (required && (start == null || end == null)) {
            throw InvalidInputException.of(start == null ? "plannedStart" : "plannedEnd", "a scheduled change needs a planned window");
        }
        if (start != null && end != null && !end.isAfter(start)) {
            throw InvalidInputException.of("plannedEnd", "must be after plannedStart");
        }
    }

    private Change move(Change change, String action, JournalMessage note) {
        transitions.move(change, WORKFLOW, action, currentUser.username(), note);
        return change;
    }

    private ChangeView transitioned(Change change, String action, ChangeStatus from) {
        outbox.publish(change.getNumber(), new ChangeTransitioned(change.getNumber(), action, from, change.getStatus(),
                currentUser.username()));
        return view(change);
    }

    private ChangeView view(Change change) {
        Instant now = clock.instant();
        return ChangeView.of(change, runs.findByChangeNumberOrderByIdAsc(change.getNumber()).stream()
                .map(r -> ReleaseRunView.of(r, now)).toList());
    }

    private Change load(String number) {
        return kernel.load(kind, number);
    }
}
