package io.itsmhub.core.problem;

import static io.itsmhub.core.problem.ProblemWorkflow.WORKFLOW;

import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.outbox.Outbox;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.problem.ProblemEvents.KnownErrorRecorded;
import io.itsmhub.core.problem.ProblemEvents.ProblemCreated;
import io.itsmhub.core.problem.ProblemEvents.ProblemIncidentLinked;
import io.itsmhub.core.problem.ProblemEvents.ProblemTransitioned;
import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.PageView;
import io.itsmhub.core.common.Priority;
import io.itsmhub.core.common.Specs;
import io.itsmhub.core.common.TicketSequences;
import io.itsmhub.core.ticket.TicketKernel;
import io.itsmhub.core.ticket.TicketKind;
import io.itsmhub.core.ticket.TicketTransitions;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only writer of problems. */
@Service
@Transactional
public class ProblemService {

    private final ProblemRepository problems;
    private final IncidentService incidents;
    private final PeopleService people;
    private final Journal journal;
    private final Outbox outbox;
    private final CurrentUser currentUser;
    private final TicketSequences sequences;
    private final TicketTransitions transitions;
    private final TicketKernel kernel;
    private final TicketKind<Problem> kind;
    private final Clock clock;

    public ProblemService(ProblemRepository problems, IncidentService incidents, PeopleService people, Journal journal,
                          Outbox outbox, CurrentUser currentUser, TicketSequences sequences,
                         TicketTransitions transitions, Clock clock, TicketKernel kernel) {
        this.problems = problems;
        this.incidents = incidents;
        this.people = people;
        this.journal = journal;
        this.outbox = outbox;
        this.currentUser = currentUser;
        this.sequences = sequences;
        this.transitions = transitions;
        this.kernel = kernel;
        this.kind = kernel.register(new TicketKind<>("problem", "PRB", null, problems::findByNumber, problems));
        this.clock = clock;
    }

    public ProblemView create(ProblemForm form) {
        people.checkAssignment(form.assignmentGroup(), form.assignee());
        Set<String> linked = form.incidents() == null ? Set.of() : form.incidents();
        linked.forEach(this::checkIncident);
        Problem problem = new Problem(sequences.next("problem_seq"), form.title(),
                form.priority() == null ? Priority.P3 : form.priority(), clock.instant());
        problem.setDescription(form.description());
        problem.setAssignmentGroup(form.assignmentGroup());
        problem.setAssignee(form.assignee());
        problem.getIncidents().addAll(linked);
        kernel.place(problem, null, null, null);
        problems.save(problem);
        String number = problem.getNumber();
        kernel.opened(problem, currentUser.username(), JournalMessage.of(JournalKeys.PROBLEM_CREATED, problem.getTitle()));
        linked.forEach(incident -> journal.note(incident, currentUser.username(),
                JournalMessage.of(JournalKeys.PROBLEM_LINKED, number)));
        outbox.publish(number, new ProblemCreated(number, problem.getAssignmentGroup()));
        return ProblemView.of(problem);
    }

    public ProblemView linkIncident(String number, String incident) {
        Problem problem = load(number);
        checkIncident(incident);
        if (problem.getIncidents().add(incident)) {
            String actor = currentUser.username();
            journal.note(number, actor, JournalMessage.of(JournalKeys.PROBLEM_INCIDENT_LINKED, incident));
            journal.note(incident, actor, JournalMessage.of(JournalKeys.PROBLEM_LINKED, number));
            problem.touch(clock.instant());
            outbox.publish(number, new ProblemIncidentLinked(number, incident));
        }
        return ProblemView.of(problem);
    }

    public ProblemView recordKnownError(String number, String rootCause, String workaround) {
        Problem problem = load(number);
        if (problem.getStatus() == ProblemStatus.CLOSED || problem.getStatus() == ProblemStatus.CANCELLED) {
            throw new io.itsmhub.core.ticket.IllegalTransitionException(number, "problem", "known-error",
                    problem.getStatus().name(), WORKFLOW.on(problem.getDeskCode()).allowedFrom(problem.getStatus()));
        }
        String actor = currentUser.username();
        journal.fieldChanged(number, actor, "rootCause", problem.getRootCause(), rootCause);
        journal.fieldChanged(number, actor, "workaround", problem.getWorkaround(), workaround);
        journal.fieldChanged(number, actor, "knownError", problem.isKnownError(), true);
        problem.recordKnownError(rootCause, workaround);
        problem.touch(clock.instant());
        outbox.publish(number, new KnownErrorRecorded(number, workaround));
        return ProblemView.of(problem);
    }

    public ProblemView investigate(String number) {
        return move(load(number), ProblemWorkflow.INVESTIGATE, null);
    }

    public ProblemView resolve(String number, String rootCause) {
        Problem problem = load(number);
        String cause = rootCause != null ? rootCause : problem.getRootCause();
        if (cause == null || cause.isBlank()) {
            throw InvalidInputException.of("rootCause", "a problem is resolved by naming its root cause");
        }
        journal.fieldChanged(number, currentUser.username(), "rootCause", problem.getRootCause(), cause);
        problem.setRootCause(cause);
        return move(problem, ProblemWorkflow.RESOLVE, null);
    }

    public ProblemView reopen(String number, String reason) {
        return move(load(number), ProblemWorkflow.REOPEN, reason);
    }

    public ProblemView close(String number) {
        return move(load(number), ProblemWorkflow.CLOSE, null);
    }

    public ProblemView cancel(String number, String reason) {
        return move(load(number), ProblemWorkflow.CANCEL, reason);
    }

    /** A public comment: whoever works the problem reads it. */
    public void comment(String number, String text) {
        kernel.comment(load(number), text);
    }

    /** A work note: for staff only. */
    public void workNote(String number, String text) {
        kernel.workNote(load(number), text);
    }

    @Transactional(readOnly = true)
    public ProblemView get(String number) {
        return ProblemView.of(load(number));
    }

    @Transactional(readOnly = true)
    public List<JournalEntryView> journal(String number) {
        load(number);
        return journal.entries(number);
    }

    @Transactional(readOnly = true)
    public PageView<ProblemView> list(List<ProblemStatus> status, Boolean knownError, String assignee, String incident,
                                      Pageable pageable) {
        Specification<Problem> linked = incident == null ? null
                : (root, q, cb) -> cb.isMember(incident, root.<Set<String>>get("incidents"));
        return PageView.of(kernel.find(kind, Specification.allOf(Specs.in("status", status),
                Specs.eq("knownError", knownError), Specs.eq("assignee", assignee), linked), pageable), ProblemView::of);
    }

    private ProblemView move(Problem problem, String action, String note) {
        String actor = currentUser.username();
        ProblemStatus from = transitions.move(problem, WORKFLOW, action, actor, note);
        outbox.publish(problem.getNumber(), new ProblemTransitioned(problem.getNumber(), action, from,
                problem.getStatus(), actor));
        return ProblemView.of(problem);
    }

    private void checkIncident(String incident) {
        if (!incidents.exists(incident)) {
            throw InvalidInputException.of("incidents", "no incident " + incident);
        }
    }

    private Problem load(String number) {
        return kernel.load(kind, number);
    }
}
