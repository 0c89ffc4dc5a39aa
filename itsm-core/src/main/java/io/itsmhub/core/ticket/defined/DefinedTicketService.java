package io.itsmhub.core.ticket.defined;

import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.PageView;
import io.itsmhub.core.common.Priority;
import io.itsmhub.core.common.Specs;
import io.itsmhub.core.desk.DeskService;
import io.itsmhub.core.field.CustomFieldForm;
import io.itsmhub.core.field.CustomFields;
import io.itsmhub.core.field.FieldType;
import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.outbox.Outbox;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.ticket.Ticket;
import io.itsmhub.core.ticket.TicketEvents.TicketCreated;
import io.itsmhub.core.ticket.TicketEvents.TicketSlaBreached;
import io.itsmhub.core.ticket.TicketEvents.TicketTransitioned;
import io.itsmhub.core.ticket.TicketKernel;
import io.itsmhub.core.ticket.TicketKind;
import io.itsmhub.core.common.TicketSequences;
import io.itsmhub.core.ticket.TicketTransitions;
import io.itsmhub.core.ticket.WorkQueue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tickets of every type defined as data: everything but their workflow and fields comes from the kernel. Also the
 * kernel's number-only paths for any ticket ({@link #get}, {@link #journal}, {@link #escalate}).
 */
@Service
@Transactional
public class DefinedTicketService {

    private final DefinedTicketRepository tickets;
    private final TicketTypes types;
    private final TicketKernel kernel;
    private final TicketTransitions transitions;
    private final TicketSequences sequences;
    private final Journal journal;
    private final Outbox outbox;
    private final CurrentUser currentUser;
    private final PeopleService people;
    private final Clock clock;
    private final CustomFields fields;
    private final Map<String, TicketKind<DefinedTicket>> kinds = new ConcurrentHashMap<>();

    DefinedTicketService(DefinedTicketRepository tickets, TicketTypes types, TicketKernel kernel,
                         TicketTransitions transitions, TicketSequences sequences, Journal journal, Outbox outbox,
                         CurrentUser currentUser, PeopleService people, Clock clock, CustomFields fields) {
        this.fields = fields;
        this.tickets = tickets;
        this.types = types;
        this.kernel = kernel;
        this.transitions = transitions;
        this.sequences = sequences;
        this.journal = journal;
        this.outbox = outbox;
        this.currentUser = currentUser;
        this.people = people;
        this.clock = clock;
        types.all().forEach(this::register);
    }

    /**
     * Adds (or replaces) a ticket type at run time: its tickets can be raised at once. Its fields become custom fields
     * of the type on the head office, so that they are checked, shown and listed as every ticket's are.
     */
    public void define(TicketTypeDefinition definition) {
        types.define(definition);
        register(definition);
    }

    public List<TicketTypeDefinition> types() {
        return types.all().stream().sorted(java.util.Comparator.comparing(TicketTypeDefinition::type)).toList();
    }

    /**
     * Raises a ticket of {@code type}. As with incidents, a requester raises it for themselves at the default priority
     * and neither assigns it nor picks its desk.
     */
    public TicketView create(String type, DefinedTicketForm form) {
        TicketTypeDefinition definition = types.get(type);
        boolean requester = currentUser.isRequesterOnly();
        if (requester && (form.desk() != null || form.assignmentGroup() != null || form.assignee() != null
                || form.priority() != null)) {
            throw InvalidInputException.of(form.desk() != null ? "desk" : form.priority() != null ? "priority"
                    : "assignmentGroup", "the service desk triages and assigns tickets; leave it empty");
        }
        people.checkAssignment(form.assignmentGroup(), form.assignee());
        Instant now = clock.instant();
        String actor = currentUser.username();
        DefinedTicket ticket = new DefinedTicket(sequences.next("ticket_seq"), definition, form.title(),
                form.priority() == null ? Priority.P3 : form.priority(), actor, now);
        ticket.setDescription(form.description());
        ticket.setAssignmentGroup(form.assignmentGroup());
        ticket.setAssignee(form.assignee());
        kernel.place(ticket, form.desk(), null, null);
        kernel.attributes(ticket, form.attributes(), true);
        kernel.applySla(ticket, now);
        tickets.save(ticket);
        kernel.opened(ticket, actor, JournalMessage.of(JournalKeys.TICKET_CREATED, definition.name(), ticket.getPriority(),
                ticket.getTitle()));
        outbox.publish(ticket.getNumber(), new TicketCreated(ticket.getNumber(), type, ticket.getPriority(),
                ticket.getDeskCode(), ticket.getAssignmentGroup(), ticket.getAssignee()));
        return view(ticket);
    }

    /** Takes an action of the ticket's workflow (on its desk); 409 with the allowed actions if it is not one now. */
    public TicketView act(String number, String action, String reason) {
        DefinedTicket ticket = loadDefined(number);
        TicketTypeDefinition definition = types.get(ticket.ticketType());
        String actor = currentUser.username();
        String from = transitions.move(ticket, definition.workflow(), action, actor, JournalMessage.text(reason));
        ticket.setClosedAt(definition.isOpen(ticket.getStatus()) ? null : clock.instant());
        outbox.publish(number, new TicketTransitioned(number, ticket.ticketType(), action, from, ticket.getStatus(), actor));
        return view(ticket);
    }

    public TicketView assign(String number, String group, String assignee) {
        DefinedTicket ticket = loadDefined(number);
        kernel.assign(ticket, group, assignee);
        return view(ticket);
    }

    /** A public comment on any ticket (of {@code type}, or of any type when null). */
    public void comment(String number, String type, String text) {
        kernel.comment(load(number, type), text);
    }

    /** A work note on any ticket (of {@code type}, or of any type when null). */
    public void workNote(String number, String type, String text) {
        kernel.workNote(load(number, type), text);
    }

    /** Any ticket, by number, as the kernel sees it. */
    @Transactional(readOnly = true)
    public TicketView get(String number) {
        return view(kernel.load(number));
    }

    /** The journal lines of any ticket (of {@code type}, or of any type when null) that the caller may read. */
    @Transactional(readOnly = true)
    public List<JournalEntryView> journal(String number, String type) {
        load(number, type);
        return journal.entries(number);
    }

    /** Any ticket the caller sees; one of another type than {@code type} (a REQ number under /incidents) is a 404. */
    private Ticket load(String number, String type) {
        Ticket ticket = kernel.load(number);
        if (type != null && !type.equals(ticket.ticketType())) {
            throw new io.itsmhub.core.common.TicketNotFoundException(type, number);
        }
        return ticket;
    }

    /** Moves any ticket up to its desk's parent, keeping its SLA clock. */
    public TicketView escalate(String number, String reason) {
        return view(kernel.escalate(number, reason));
    }

    @Transactional(readOnly = true)
    public PageView<TicketView> list(String type, List<String> status, String desk, Pageable pageable) {
        TicketKind<DefinedTicket> kind = kind(types.get(type));
        Specification<DefinedTicket> spec = Specification.allOf(Specs.eq("type", type), Specs.in("status", status),
                Specs.eq("deskCode", desk));
        return PageView.of(kernel.find(kind, spec, pageable), this::view);
    }

    /** The open tickets of {@code type} in one of the caller's work queues. */
    @Transactional(readOnly = true)
    public PageView<TicketView> queue(String type, WorkQueue queue, int size) {
        TicketTypeDefinition definition = types.get(type);
        return PageView.of(kernel.queue(kind(definition), queue, definition.openStates(), size), this::view);
    }

    /** Flags tickets of every defined type that missed their resolution target, once each. */
    public int flagBreaches() {
        int flagged = 0;
        for (TicketTypeDefinition definition : types.all()) {
            for (DefinedTicket ticket : tickets.newlyBreached(definition.type(), definition.openStates(), clock.instant())) {
                kernel.breached(ticket, JournalMessage.of(JournalKeys.SLA_MISSED_RESOLUTION, ticket.getResolutionDue()));
                outbox.publish(ticket.getNumber(), new TicketSlaBreached(ticket.getNumber(), ticket.ticketType(),
                        ticket.getPriority(), ticket.getAssignmentGroup(), ticket.getAssignee()));
                flagged++;
            }
        }
        return flagged;
    }

    private DefinedTicket loadDefined(String number) {
        Ticket ticket = kernel.load(number);
        if (!(ticket instanceof DefinedTicket defined)) {
            throw InvalidInputException.of("number", number + " is a " + ticket.ticketType()
                    + ": act on it through its own endpoints");
        }
        return defined;
    }

    private TicketView view(Ticket ticket) {
        List<String> allowed = ticket instanceof DefinedTicket defined
                ? types.get(defined.ticketType()).workflow().on(defined.getDeskCode()).allowedFrom(defined.getStatus())
                : List.of();
        return TicketView.of(ticket, allowed);
    }

    private void register(TicketTypeDefinition definition) {
        kinds.put(definition.type(), kernel.register(kind(definition)));
        int position = 0;
        for (FieldDefinition field : definition.fields()) {
            position += 10;
            fields.define(definition.type(), DeskService.ROOT, field.name(), new CustomFieldForm(field.label(), null,
                    field.options().isEmpty() ? FieldType.TEXT : FieldType.CHOICE, field.required(), null, null, null,
                    null, field.options().isEmpty() ? BigDecimal.valueOf(field.maxLength()) : null, null, field.options(),
                    position));
        }
    }

    private TicketKind<DefinedTicket> kind(TicketTypeDefinition definition) {
        return kinds.computeIfAbsent(definition.type(), type -> new TicketKind<>(type, definition.prefix(), "requester",
                number -> tickets.findByNumber(number).filter(t -> t.ticketType().equals(type)), tickets));
    }
}
