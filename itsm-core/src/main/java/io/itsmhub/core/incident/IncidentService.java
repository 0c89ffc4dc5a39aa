package io.itsmhub.core.incident;

import static io.itsmhub.core.incident.IncidentWorkflow.WORKFLOW;

import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.incident.IncidentEvents.IncidentAssigned;
import io.itsmhub.core.incident.IncidentEvents.IncidentCreated;
import io.itsmhub.core.incident.IncidentEvents.IncidentResolved;
import io.itsmhub.core.incident.IncidentEvents.IncidentTransitioned;
import io.itsmhub.core.incident.IncidentEvents.IncidentUpdated;
import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.outbox.Outbox;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.common.ForbiddenActionException;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.PageView;
import io.itsmhub.core.common.Priority;
import io.itsmhub.core.common.Specs;
import io.itsmhub.core.ticket.WorkQueue;
import java.util.Arrays;
import io.itsmhub.core.common.TicketSequences;
import io.itsmhub.core.ticket.TicketKernel;
import io.itsmhub.core.ticket.TicketKind;
import io.itsmhub.core.ticket.TicketTransitions;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of incidents. Each transition is one method that checks the workflow, changes the
 * incident, writes the journal and publishes the outbox event in one transaction.
 */
@Service
@Transactional
public class IncidentService {

    private static final Logger log = LoggerFactory.getLogger(IncidentService.class);
    /**
     * Impact and urgency of a requester's incident until an agent triages it: MEDIUM × MEDIUM = P3, the same as a
     * staff incident that states neither, so a portal or mail ticket keeps today's SLA but can never start higher.
     */
    static final Priority.Level UNTRIAGED = Priority.Level.MEDIUM;
    private static final List<IncidentStatus> OPEN = Arrays.stream(IncidentStatus.values()).filter(IncidentStatus::isOpen).toList();

    private final IncidentRepository incidents;
    private final PeopleService people;
    private final CmdbService cmdb;
    private final Journal journal;
    private final Outbox outbox;
    private final CurrentUser currentUser;
    private final TicketSequences sequences;
    private final TicketTransitions transitions;
    private final TicketKernel kernel;
    private final TicketKind<Incident> kind;
    private final Clock clock;

    public IncidentService(IncidentRepository incidents, PeopleService people, CmdbService cmdb, Journal journal,
                           Outbox outbox, CurrentUser currentUser, TicketSequences sequences,
                           TicketTransitions transitions, TicketKernel kernel, Clock clock) {
        this.incidents = incidents;
        this.people = people;
        this.cmdb = cmdb;
        this.journal = journal;
        this.outbox = outbox;
        this.currentUser = currentUser;
        this.sequences = sequences;
        this.transitions = transitions;
        this.kernel = kernel;
        this.kind = kernel.register(new TicketKind<>("incident", "INC", "caller", incidents::findByNumber, incidents));
        this.clock = clock;
    }

    /**
     * Raises an incident. Staff and the hub's own intakes (alerts, failed deployments) set its priority and
     * assignment. A requester does neither: their impact and urgency are kept as reported, the priority is the
     * untriaged default until an agent triages it, and naming an assignee or group is refused, so that nobody pages
     * an on-call team by filling in a form.
     */
    public IncidentView create(IncidentForm form) {
        String actor = currentUser.username();
        String caller = form.caller() == null ? actor : form.caller();
        boolean requester = currentUser.isRequesterOnly();
        if (requester && !caller.equals(actor)) {
            throw new ForbiddenActionException("a requester can only raise incidents for themselves");
        }
        if (requester) {
            refuseAssignment(form);
        }
        if (form.caller() != null) {
            people.checkUser("caller", form.caller());
        }
        people.checkAssignment(form.assignmentGroup(), form.assignee());
        checkCi("affectedCi", form.affectedCi());
        checkCi("service", form.service());

        Instant now = clock.instant();
        Incident incident = requester ? new Incident(form.title(), UNTRIAGED, UNTRIAGED)
                : new Incident(form.title(), orMedium(form.impact()), orMedium(form.urgency()));
        if (requester) {
            incident.setReported(form.impact(), form.urgency());
        }
        incident.setDescription(form.description());
        incident.setCaller(caller);
        incident.setAssignmentGroup(form.assignmentGroup());
        incident.setAssignee(form.assignee());
        incident.setAffectedCi(form.affectedCi());
        incident.setService(form.service());
        incident.setSource(form.source() == null ? "manual" : form.source());
        incident.setSourceRef(form.sourceRef());
        incident.open(sequences.next("incident_seq"), now);
        kernel.place(incident, null, null, form.service());
        kernel.attributes(incident, form.attributes(), true);
        kernel.applySla(incident, now);
        if (form.assignee() != null) {
            incident.respondedIfFirst(now);
        }
        incidents.save(incident);
        String number = incident.getNumber();
        kernel.opened(incident, actor, JournalMessage.of(JournalKeys.INCIDENT_CREATED, incident.getPriority(), number,
                incident.getSource(), incident.getTitle()));
        if (requester && (form.impact() != null || form.urgency() != null)) {
            journal.note(number, actor, callerReported(form, incident.getPriority()));
        }
        outbox.publish(number, new IncidentCreated(number, incident.getPriority(), incident.getSource(),
                incident.getSourceRef(), incident.getAffectedCi(), incident.getAssignmentGroup(), incident.getAssignee()));
        log.info("{} created {} from {}", number, incident.getPriority(), incident.getSource());
        return IncidentView.of(incident);
    }

    public IncidentView update(String number, IncidentUpdate update) {
        Incident incident = load(number);
        requireOpen(incident, "update");
        String actor = currentUser.username();
        if (update.title() != null) {
            journal.fieldChanged(number, actor, "title", incident.getTitle(), update.title());
            incident.setTitle(update.title());
        }
        if (update.description() != null) {
            journal.fieldChanged(number, actor, "description", incident.getDescription(), update.description());
            incident.setDescription(update.description());
        }
        if (update.affectedCi() != null) {
            checkCi("affectedCi", update.affectedCi());
            journal.fieldChanged(number, actor, "affectedCi", incident.getAffectedCi(), update.affectedCi());
            incident.setAffectedCi(update.affectedCi());
        }
        if (update.service() != null) {
            checkCi("service", update.service());
            journal.fieldChanged(number, actor, "service", incident.getService(), update.service());
            incident.setService(update.service());
        }
        Priority before = incident.getPriority();
        if (update.impact() != null || update.urgency() != null) {
            incident.setImpactAndUrgency(Objects.requireNonNullElse(update.impact(), incident.getImpact()),
                    Objects.requireNonNullElse(update.urgency(), incident.getUrgency()));
            journal.fieldChanged(number, actor, "priority", before, incident.getPriority());
            if (before != incident.getPriority()) {
                kernel.applySla(incident, incident.getCreatedAt()); // targets follow the priority, counted from when it was opened
            }
        }
        kernel.attributes(incident, update.attributes(), false);
        incident.touch(clock.instant());
        outbox.publish(number, new IncidentUpdated(number, incident.getPriority()));
        return IncidentView.of(incident);
    }

    public IncidentView assign(String number, String group, String assignee) {
        Incident incident = load(number);
        requireOpen(incident, "assign");
        kernel.assign(incident, group, assignee);
        if (assignee != null) {
            incident.respondedIfFirst(clock.instant());
        }
        outbox.publish(number, new IncidentAssigned(number, incident.getAssignmentGroup(), assignee));
        return IncidentView.of(incident);
    }

    /** Links the incident to a change that caused it or may have; {@code why} (naming the change) goes to the journal. */
    public IncidentView linkChange(String number, String change, JournalMessage why) {
        Incident incident = load(number);
        String actor = currentUser.username();
        journal.fieldChanged(number, actor, "relatedChange", incident.getRelatedChange(), change);
        journal.note(number, actor, why);
        incident.setRelatedChange(change);
        incident.touch(clock.instant());
        return IncidentView.of(incident);
    }

    public IncidentView start(String number) {
        Incident incident = transition(number, IncidentWorkflow.START, null);
        incident.respondedIfFirst(clock.instant());
        return IncidentView.of(incident);
    }

    public IncidentView hold(String number, String reason) {
        return IncidentView.of(transition(number, IncidentWorkflow.HOLD, JournalMessage.text(reason)));
    }

    public IncidentView resolve(String number, String resolutionCode, String note) {
        Incident incident = transition(number, IncidentWorkflow.RESOLVE, JournalMessage.text(resolutionCode));
        Instant now = clock.instant();
        incident.setResolution(resolutionCode, note);
        incident.setResolvedAt(now);
        incident.respondedIfFirst(now);
        if (note != null) {
            journal.fieldChanged(number, currentUser.username(), "resolutionNote", null, note);
        }
        outbox.publish(number, new IncidentResolved(number, resolutionCode, note, incident.getSource(),
                incident.getSourceRef(), currentUser.username()));
        return IncidentView.of(incident);
    }

    public IncidentView reopen(String number, String reason) {
        return reopen(number, JournalMessage.text(reason));
    }

    /** Reopened by the hub (an alert fired again), with its words for why. */
    public IncidentView reopen(String number, JournalMessage reason) {
        Incident incident = transition(number, IncidentWorkflow.REOPEN, reason);
        incident.setResolution(null, null);
        incident.setResolvedAt(null);
        return IncidentView.of(incident);
    }

    public IncidentView close(String number) {
        Incident incident = transition(number, IncidentWorkflow.CLOSE, null);
        incident.setClosedAt(clock.instant());
        return IncidentView.of(incident);
    }

    public IncidentView cancel(String number, String reason) {
        Incident incident = transition(number, IncidentWorkflow.CANCEL, JournalMessage.text(reason));
        incident.setClosedAt(clock.instant());
        return IncidentView.of(incident);
    }

    /** A public comment: the requester reads it, and it may be mailed to them. */
    public void comment(String number, String text) {
        kernel.comment(load(number), text);
    }

    /** A work note: for staff only; the requester's views and messages never show it. */
    public void workNote(String number, String text) {
        kernel.workNote(load(number), text);
    }

    @Transactional(readOnly = true)
    public IncidentView get(String number) {
        return IncidentView.of(load(number));
    }

    /** True for an incident the caller may see: another desk's does not exist for them, not even as an answer. */
    @Transactional(readOnly = true)
    public boolean exists(String number) {
        return number.startsWith(kind.prefix() + "-") && kernel.visible(number);
    }

    @Transactional(readOnly = true)
    public List<JournalEntryView> journal(String number) {
        load(number);
        return journal.entries(number);
    }

    @Transactional(readOnly = true)
    public PageView<IncidentView> list(IncidentFilter filter, Pageable pageable) {
        return list(filter, java.util.Map.of(), pageable);
    }

    /** As {@link #list(IncidentFilter, Pageable)}, also on custom fields (each equal to the value given). */
    @Transactional(readOnly = true)
    public PageView<IncidentView> list(IncidentFilter filter, java.util.Map<String, String> attributes, Pageable pageable) {
        String caller = currentUser.isRequesterOnly() ? currentUser.username() : filter.caller();
        Specification<Incident> ci = filter.ci() == null ? null
                : (root, q, cb) -> cb.or(cb.equal(root.get("affectedCi"), filter.ci()), cb.equal(root.get("service"), filter.ci()));
        Specification<Incident> spec = Specification.allOf(Specs.in("status", filter.status()),
                Specs.eq("priority", filter.priority()), Specs.eq("assignee", filter.assignee()),
                Specs.eq("assignmentGroup", filter.assignmentGroup()), Specs.eq("source", filter.source()),
                Specs.eq("sourceRef", filter.sourceRef()), Specs.eq("caller", caller), Specs.eq("relatedChange", filter.relatedChange()), ci);
        return PageView.of(kernel.find(kind, spec, attributes, pageable), IncidentView::of);
    }

    /**
     * The open incidents of one of the caller's work queues, in the order the queue is worked; {@code totalItems}
     * counts the whole queue.
     */
    @Transactional(readOnly = true)
    public PageView<IncidentView> queue(WorkQueue queue, int size) {
        return PageView.of(kernel.queue(kind, queue, OPEN, size), IncidentView::of);
    }

    /** Flags incidents that missed an SLA target, once each, with a journal line and an event that tells people. */
    public int flagBreaches() {
        Instant now = clock.instant();
        List<Incident> breached = incidents.newlyBreached(EnumSet.of(IncidentStatus.NEW, IncidentStatus.IN_PROGRESS,
                IncidentStatus.ON_HOLD), now);
        for (Incident incident : breached) {
            boolean response = incident.getRespondedAt() == null && incident.getResponseDue() != null
                    && incident.getResponseDue().isBefore(now);
            // the event keeps its text: what subscribers (mail, chat) were always given
            String what = response ? "response due " + incident.getResponseDue()
                    : "resolution due " + incident.getResolutionDue();
            kernel.breached(incident, response
                    ? JournalMessage.of(JournalKeys.SLA_MISSED_RESPONSE, incident.getResponseDue())
                    : JournalMessage.of(JournalKeys.SLA_MISSED_RESOLUTION, incident.getResolutionDue()));
            outbox.publish(incident.getNumber(), new IncidentEvents.IncidentSlaBreached(incident.getNumber(),
                    incident.getPriority(), incident.getAssignmentGroup(), incident.getAssignee(), what));
        }
        return breached.size();
    }

    private Incident transition(String number, String action, JournalMessage note) {
        Incident incident = load(number);
        IncidentStatus from = transitions.move(incident, WORKFLOW, action, currentUser.username(), note);
        IncidentStatus to = incident.getStatus();
        if (!IncidentWorkflow.RESOLVE.equals(action)) { // resolve publishes its own, richer event
            outbox.publish(number, new IncidentTransitioned(number, action, from, to, currentUser.username()));
        }
        log.info("{} {} {} -> {}", number, action, from, to);
        return incident;
    }

    /** What a requester said about impact and urgency: one key for each part they gave (at least one). */
    private static JournalMessage callerReported(IncidentForm form, Priority priority) {
        if (form.impact() == null) {
            return JournalMessage.of(JournalKeys.INCIDENT_CALLER_REPORTED_URGENCY, form.urgency(), priority);
        }
        return form.urgency() == null ? JournalMessage.of(JournalKeys.INCIDENT_CALLER_REPORTED_IMPACT, form.impact(), priority)
                : JournalMessage.of(JournalKeys.INCIDENT_CALLER_REPORTED, form.impact(), form.urgency(), priority);
    }

    private void requireOpen(Incident incident, String action) {
        if (!incident.getStatus().isOpen()) {
            throw new io.itsmhub.core.ticket.IllegalTransitionException(incident.getNumber(), "incident", action,
                    incident.getStatus().name(), WORKFLOW.on(incident.getDeskCode()).allowedFrom(incident.getStatus()));
        }
    }

    private void checkCi(String field, String ciNumber) {
        if (ciNumber != null && !cmdb.exists(ciNumber)) {
            throw InvalidInputException.of(field, "no CI " + ciNumber);
        }
    }

    private Incident load(String number) {
        return kernel.load(kind, number);
    }

    private static void refuseAssignment(IncidentForm form) {
        List<InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
        if (form.assignmentGroup() != null) {
            errors.add(new InvalidInputException.FieldError("assignmentGroup", "the service desk assigns incidents; leave it empty"));
        }
        if (form.assignee() != null) {
            errors.add(new InvalidInputException.FieldError("assignee", "the service desk assigns incidents; leave it empty"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static Priority.Level orMedium(Priority.Level level) {
        return level == null ? Priority.Level.MEDIUM : level;
    }
}
