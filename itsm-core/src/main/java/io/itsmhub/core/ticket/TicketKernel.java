package io.itsmhub.core.ticket;

import io.itsmhub.core.common.ConflictException;
import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.common.Specs;
import io.itsmhub.core.common.TicketNotFoundException;
import io.itsmhub.core.desk.DeskRouting;
import io.itsmhub.core.desk.DeskService;
import io.itsmhub.core.desk.RoutingFacts;
import io.itsmhub.core.field.AttributeQueries;
import io.itsmhub.core.field.CustomFields;
import io.itsmhub.core.field.FieldType;
import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.outbox.Outbox;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import io.itsmhub.core.sla.SlaDue;
import io.itsmhub.core.sla.SlaService;
import io.itsmhub.core.ticket.TicketEvents.CommentAdded;
import io.itsmhub.core.ticket.TicketEvents.TicketEscalated;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every ticket type does alike, written once: load and list under the caller's visibility, place on a desk,
 * SLA targets of the desk, assign, comment and work notes, work queues, SLA flags, escalation to the parent desk.
 * A type's service keeps its own fields, guards and events; the journal lines and checks come from here.
 */
@Service
@Transactional
public class TicketKernel {

    private final TicketAccess access;
    private final DeskService desks;
    private final DeskRouting routing;
    private final PeopleService people;
    private final SlaService sla;
    private final Journal journal;
    private final Outbox outbox;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final CustomFields fields;
    private final Map<String, TicketKind<?>> kindsByPrefix = new ConcurrentHashMap<>();

    TicketKernel(TicketAccess access, DeskService desks, DeskRouting routing, PeopleService people, SlaService sla,
                 Journal journal, Outbox outbox, CurrentUser currentUser, Clock clock, CustomFields fields) {
        this.fields = fields;
        this.access = access;
        this.desks = desks;
        this.routing = routing;
        this.people = people;
        this.sla = sla;
        this.journal = journal;
        this.outbox = outbox;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Makes a type known to the kernel (by its number prefix), for the paths that start from a number alone. */
    public <T extends Ticket> TicketKind<T> register(TicketKind<T> kind) {
        TicketKind<?> before = kindsByPrefix.putIfAbsent(kind.prefix(), kind);
        if (before != null && before != kind) {
            throw new IllegalStateException("two ticket types use the prefix " + kind.prefix());
        }
        return kind;
    }

    /** The ticket, if the caller may see it: 404 when it does not exist or is another desk's, 403 for another's requester. */
    @Transactional(readOnly = true)
    public <T extends Ticket> T load(TicketKind<T> kind, String number) {
        return access.check(kind.finder().apply(number).orElseThrow(() -> new TicketNotFoundException(kind.type(), number)));
    }

    /** Any ticket by its number alone, under the same visibility. */
    @Transactional(readOnly = true)
    public Ticket load(String number) {
        return load(kindOf(number), number);
    }

    /** True when {@code number} is a ticket the caller may see. */
    @Transactional(readOnly = true)
    public boolean visible(String number) {
        try {
            load(number);
            return true;
        } catch (TicketNotFoundException | io.itsmhub.core.common.ForbiddenActionException e) {
            return false;
        }
    }

    /** A page of the type's tickets that match {@code filter} and that the caller may see. */
    @Transactional(readOnly = true)
    public <T extends Ticket> Page<T> find(TicketKind<T> kind, Specification<T> filter, Pageable pageable) {
        return find(kind, filter, Map.of(), pageable);
    }

    /**
     * As {@link #find(TicketKind, Specification, Pageable)}, also filtered on custom fields ({@code attributes}: each
     * field's value equals the one given) and sorted on them where {@code pageable} says {@code attr.<field>}.
     */
    @Transactional(readOnly = true)
    public <T extends Ticket> Page<T> find(TicketKind<T> kind, Specification<T> filter, Map<String, String> attributes,
                                           Pageable pageable) {
        Specification<T> spec = Specification.allOf(filter, access.visible(kind), AttributeQueries.matching(attributes),
                AttributeQueries.sortedBy(pageable, name -> fields.typeOf(kind.type(), name) == FieldType.NUMBER));
        return kind.store().findAll(spec, AttributeQueries.withoutAttributeSort(pageable));
    }

    /**
     * Sets a ticket's custom fields: {@code given} on top of what it has, checked against the fields of its type and
     * desk (400 naming each field), journaled when they change an existing ticket, and indexed for lists.
     */
    public void attributes(Ticket ticket, Map<String, String> given, boolean creating) {
        if (!creating && (given == null || given.isEmpty())) {
            return;
        }
        Map<String, String> before = ticket.getAttributes();
        Map<String, String> after = fields.check(ticket.ticketType(), ticket.getDeskCode(), before, given, creating);
        if (!creating) {
            String actor = currentUser.username();
            java.util.Set<String> names = new java.util.TreeSet<>(before.keySet());
            names.addAll(after.keySet());
            names.forEach(name -> journal.fieldChanged(ticket.getNumber(), actor, "attributes." + name, before.get(name),
                    after.get(name)));
        }
        ticket.setAttributes(after);
        if (!(creating && after.isEmpty())) { // a new ticket without fields has nothing to index
            fields.index(ticket.getNumber(), ticket.ticketType(), ticket.getDeskCode(), after);
        }
    }

    /** The open tickets of the type in one of the caller's work queues, in the order the queue is worked. */
    @Transactional(readOnly = true)
    public <T extends Ticket> Page<T> queue(TicketKind<T> kind, WorkQueue queue, Collection<?> openStatuses, int size) {
        String me = currentUser.username();
        Specification<T> spec = Specification.allOf(Specs.in("status", openStatuses),
                queue.of(me, people.groupsOf(me), clock.instant()));
        return find(kind, spec, PageRequest.of(0, size, queue.order()));
    }

    /**
     * Puts a new ticket (its number taken, not yet saved) on its desk: a desk stated by staff who see it, else the
     * routing rules, else the requester's home desk. A rule's choice is journaled by {@link #opened}, so that a desk knows why it has it.
     */
    public void place(Ticket ticket, String statedDesk, String category, String service) {
        if (statedDesk != null) {
            if (!desks.exists(statedDesk) || !access.sees(statedDesk)) {
                throw io.itsmhub.core.common.InvalidInputException.of("desk", "no desk " + statedDesk + " that you work on");
            }
            ticket.setDeskCode(statedDesk);
            return;
        }
        Person requester = ticket.raisedBy() == null ? null : people.find(ticket.raisedBy()).orElse(null);
        DeskRouting.Placement placement = routing.place(new RoutingFacts(ticket.ticketType(),
                requester == null ? null : requester.getDepartment(), requester == null ? null : requester.getLocation(),
                category, service, requester == null ? null : requester.getDeskCode()));
        ticket.setDeskCode(placement.desk());
        ticket.routedByRule = placement.rule();
    }

    /** The first journal lines of a new ticket: what it is, and the routing rule that placed it if one did. */
    public void opened(Ticket ticket, String actor, JournalMessage summary) {
        journal.created(ticket.getNumber(), actor, summary);
        if (ticket.routedByRule > 0) {
            journal.note(ticket.getNumber(), "routing",
                    JournalMessage.of(JournalKeys.TICKET_ROUTED, ticket.getDeskCode(), ticket.routedByRule));
        }
    }

    /** The SLA targets of the ticket's desk, type and priority, counted from {@code from}. */
    public void applySla(Ticket ticket, Instant from) {
        SlaDue due = sla.due(ticket.getDeskCode(), ticket.ticketType(), ticket.getPriority(), from);
        ticket.setDue(due.responseDue(), due.resolutionDue());
    }

    /** Assigns to a group (kept when null) and a person in it, journaling both fields. The type publishes its event. */
    public void assign(Ticket ticket, String group, String assignee) {
        String effectiveGroup = group != null ? group : ticket.getAssignmentGroup();
        people.checkAssignment(effectiveGroup, assignee);
        String actor = currentUser.username();
        journal.fieldChanged(ticket.getNumber(), actor, "assignmentGroup", ticket.getAssignmentGroup(), effectiveGroup);
        journal.fieldChanged(ticket.getNumber(), actor, "assignee", ticket.getAssignee(), assignee);
        ticket.setAssignmentGroup(effectiveGroup);
        ticket.setAssignee(assignee);
        ticket.touch(clock.instant());
    }

    /** A public comment: the requester reads it, and it may be mailed to them. */
    public void comment(Ticket ticket, String text) {
        journal.comment(ticket.getNumber(), currentUser.username(), text);
        ticket.touch(clock.instant());
        if (ticket.tellsRequesterOfComments()) {
            outbox.publish(ticket.getNumber(), new CommentAdded(ticket.getNumber(), currentUser.username(), text));
        }
    }

    /** A work note: for staff only; the requester's views and messages never show it. */
    public void workNote(Ticket ticket, String text) {
        journal.workNote(ticket.getNumber(), currentUser.username(), text);
        ticket.touch(clock.instant());
    }

    /** Flags a ticket that missed a target, once, with the journal line saying which. The type publishes its event. */
    public void breached(Ticket ticket, JournalMessage which) {
        ticket.setSlaBreached(true);
        journal.note(ticket.getNumber(), "sla", which);
    }

    /**
     * Moves a ticket to its desk's parent (the branch cannot solve it). Its SLA clock is kept — the targets it was
     * given when opened still count — and the journal says so. An assignment to a group of the branch is cleared:
     * the parent desk triages it.
     */
    public Ticket escalate(String number, String reason) {
        Ticket ticket = load(number);
        if (!ticket.isOpen()) {
            throw new ConflictException("Not open", number + " is " + (ticket instanceof Stateful<?> stateful
                    ? String.valueOf(stateful.getStatus()) : "closed") + ": only an open ticket escalates");
        }
        String from = ticket.getDeskCode();
        String to = desks.parentOf(from).orElseThrow(() ->
                new ConflictException("No desk above", number + " is on " + from + ", the head office: there is no desk above it"));
        String actor = currentUser.username();
        journal.fieldChanged(number, actor, "desk", from, to);
        ticket.setDeskCode(to);
        if (ticket.getAssignmentGroup() != null
                && !desks.deskOfGroup(ticket.getAssignmentGroup()).map(to::equals).orElse(false)) {
            journal.fieldChanged(number, actor, "assignmentGroup", ticket.getAssignmentGroup(), null);
            journal.fieldChanged(number, actor, "assignee", ticket.getAssignee(), null);
            ticket.setAssignmentGroup(null);
            ticket.setAssignee(null);
        }
        String why = Objects.requireNonNullElse(reason, "");
        journal.note(number, actor, ticket.getResolutionDue() == null
                ? JournalMessage.of(JournalKeys.TICKET_ESCALATED_NO_DUE, from, to, why)
                : JournalMessage.of(JournalKeys.TICKET_ESCALATED, from, to, why, ticket.getResolutionDue()));
        ticket.touch(clock.instant());
        outbox.publish(number, new TicketEscalated(number, ticket.ticketType(), from, to, actor, reason));
        return ticket;
    }

    private TicketKind<?> kindOf(String number) {
        int dash = number.indexOf('-');
        TicketKind<?> kind = dash < 0 ? null : kindsByPrefix.get(number.substring(0, dash));
        if (kind == null) {
            throw new TicketNotFoundException("ticket", number);
        }
        return kind;
    }
}
