package io.itsmhub.core.request;

import static io.itsmhub.core.request.RequestWorkflow.WORKFLOW;

import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.outbox.Outbox;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.request.RequestEvents.RequestApprovalRequested;
import io.itsmhub.core.request.RequestEvents.RequestApproved;
import io.itsmhub.core.request.RequestEvents.RequestRejected;
import io.itsmhub.core.request.RequestEvents.RequestSubmitted;
import io.itsmhub.core.request.RequestEvents.RequestTransitioned;
import io.itsmhub.core.request.catalog.CatalogItemView;
import io.itsmhub.core.request.catalog.CatalogService;
import io.itsmhub.core.request.catalog.FormValidator;
import io.itsmhub.core.security.CurrentUser;
import io.itsmhub.core.sla.SlaDue;
import io.itsmhub.core.sla.SlaService;
import io.itsmhub.core.ticket.ForbiddenActionException;
import io.itsmhub.core.ticket.InvalidInputException;
import io.itsmhub.core.ticket.PageView;
import io.itsmhub.core.ticket.Specs;
import io.itsmhub.core.ticket.TicketNotFoundException;
import io.itsmhub.core.ticket.TicketSequences;
import io.itsmhub.core.ticket.TicketTransitions;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only writer of service requests: submit, approve or reject, fulfil, cancel. */
@Service
@Transactional
public class RequestService {

    private final ServiceRequestRepository requests;
    private final CatalogService catalog;
    private final PeopleService people;
    private final SlaService sla;
    private final Journal journal;
    private final Outbox outbox;
    private final CurrentUser currentUser;
    private final TicketSequences sequences;
    private final TicketTransitions transitions;
    private final Clock clock;

    public RequestService(ServiceRequestRepository requests, CatalogService catalog, PeopleService people,
                          SlaService sla, Journal journal, Outbox outbox, CurrentUser currentUser,
                          TicketSequences sequences, TicketTransitions transitions, Clock clock) {
        this.requests = requests;
        this.catalog = catalog;
        this.people = people;
        this.sla = sla;
        this.journal = journal;
        this.outbox = outbox;
        this.currentUser = currentUser;
        this.sequences = sequences;
        this.transitions = transitions;
        this.clock = clock;
    }

    public RequestView submit(RequestForm form) {
        String actor = currentUser.username();
        CatalogItemView item = catalog.get(form.catalogItem());
        if (!item.active()) {
            throw InvalidInputException.of("catalogItem", "'" + item.code() + "' can no longer be ordered");
        }
        String requester = form.requestedFor() == null ? actor : form.requestedFor();
        if (!requester.equals(actor)) {
            if (currentUser.isRequesterOnly()) {
                throw new ForbiddenActionException("a requester can only order for themselves");
            }
            people.checkUser("requestedFor", requester);
        }
        Map<String, Object> values = form.values() == null ? Map.of() : form.values();
        List<InvalidInputException.FieldError> errors = FormValidator.validate(item.form(), values);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        Instant now = clock.instant();
        ServiceRequest request = new ServiceRequest(sequences.next("request_seq"), item.code(), item.name(), values,
                requester, actor, now);
        request.setDescription(form.description());
        request.setAssignmentGroup(item.fulfilmentGroup());
        SlaDue due = sla.due("request", request.getPriority(), now);
        request.setDue(due.responseDue(), due.resolutionDue());
        requests.save(request);
        String number = request.getNumber();
        journal.created(number, actor, "%s ordered %s".formatted(requester, item.name()));
        outbox.publish(number, new RequestSubmitted(number, item.code(), requester, values));

        if (item.approvalRequired()) {
            move(request, RequestWorkflow.REQUEST_APPROVAL, null);
            outbox.publish(number, new RequestApprovalRequested(number, item.code(), requester));
        } else {
            move(request, RequestWorkflow.AUTO_APPROVE, "no approval needed for " + item.code());
            outbox.publish(number, new RequestApproved(number, item.code(), requester, CurrentUser.SYSTEM));
        }
        return RequestView.of(request);
    }

    public RequestView approve(String number, String comment) {
        ServiceRequest request = decide(number, Approval.Decision.APPROVED, comment);
        outbox.publish(number, new RequestApproved(number, request.getCatalogItem(), request.getRequester(),
                currentUser.username()));
        return RequestView.of(request);
    }

    public RequestView reject(String number, String comment) {
        ServiceRequest request = decide(number, Approval.Decision.REJECTED, comment);
        request.close(clock.instant(), comment);
        outbox.publish(number, new RequestRejected(number, request.getRequester(), currentUser.username(), comment));
        return RequestView.of(request);
    }

    public RequestView startFulfilment(String number) {
        ServiceRequest request = load(number);
        transitioned(move(request, RequestWorkflow.START_FULFILMENT, null), RequestWorkflow.START_FULFILMENT,
                RequestStatus.APPROVED);
        return RequestView.of(request);
    }

    public RequestView fulfil(String number, String note) {
        ServiceRequest request = load(number);
        move(request, RequestWorkflow.FULFIL, note);
        request.close(clock.instant(), note);
        transitioned(request, RequestWorkflow.FULFIL, RequestStatus.IN_FULFILMENT);
        return RequestView.of(request);
    }

    public RequestView cancel(String number, String reason) {
        ServiceRequest request = load(number);
        RequestStatus from = request.getStatus();
        move(request, RequestWorkflow.CANCEL, reason);
        request.close(clock.instant(), reason);
        transitioned(request, RequestWorkflow.CANCEL, from);
        return RequestView.of(request);
    }

    public RequestView assign(String number, String group, String assignee) {
        ServiceRequest request = load(number);
        String effectiveGroup = group != null ? group : request.getAssignmentGroup();
        people.checkAssignment(effectiveGroup, assignee);
        journal.fieldChanged(number, currentUser.username(), "assignmentGroup", request.getAssignmentGroup(), effectiveGroup);
        journal.fieldChanged(number, currentUser.username(), "assignee", request.getAssignee(), assignee);
        request.setAssignmentGroup(effectiveGroup);
        request.setAssignee(assignee);
        request.touch(clock.instant());
        return RequestView.of(request);
    }

    public void comment(String number, String text) {
        ServiceRequest request = load(number);
        journal.comment(number, currentUser.username(), text);
        request.touch(clock.instant());
    }

    @Transactional(readOnly = true)
    public RequestView get(String number) {
        return RequestView.of(load(number));
    }

    @Transactional(readOnly = true)
    public List<JournalEntryView> journal(String number) {
        load(number);
        return journal.entries(number);
    }

    @Transactional(readOnly = true)
    public PageView<RequestView> list(List<RequestStatus> status, String requester, String catalogItem, String assignee,
                                      Pageable pageable) {
        String visibleRequester = currentUser.isRequesterOnly() ? currentUser.username() : requester;
        Specification<ServiceRequest> spec = Specification.allOf(Specs.in("status", status),
                Specs.eq("requester", visibleRequester), Specs.eq("catalogItem", catalogItem), Specs.eq("assignee", assignee));
        return PageView.of(requests.findAll(spec, pageable), RequestView::of);
    }

    /** Flags requests that missed their resolution target, once each, with a journal line and an event. */
    public int flagBreaches() {
        List<ServiceRequest> breached = requests.newlyBreached(EnumSet.of(RequestStatus.SUBMITTED,
                RequestStatus.AWAITING_APPROVAL, RequestStatus.APPROVED, RequestStatus.IN_FULFILMENT), clock.instant());
        for (ServiceRequest request : breached) {
            request.setSlaBreached(true);
            journal.note(request.getNumber(), "sla", "SLA missed: resolution due " + request.getResolutionDue());
            outbox.publish(request.getNumber(), new RequestEvents.RequestSlaBreached(request.getNumber(),
                    request.getRequester(), request.getAssignmentGroup(), request.getAssignee()));
        }
        return breached.size();
    }

    private ServiceRequest decide(String number, Approval.Decision decision, String comment) {
        ServiceRequest request = load(number);
        String approver = currentUser.username();
        if (approver.equals(request.getRequester())) {
            throw new ForbiddenActionException("nobody approves their own request (" + number + ")");
        }
        String action = decision == Approval.Decision.APPROVED ? RequestWorkflow.APPROVE : RequestWorkflow.REJECT;
        move(request, action, comment);
        request.addApproval(new Approval(request.getId(), approver, decision, comment, clock.instant()));
        return request;
    }

    private ServiceRequest move(ServiceRequest request, String action, String note) {
        transitions.move(request, WORKFLOW, action, currentUser.username(), note);
        return request;
    }

    private void transitioned(ServiceRequest request, String action, RequestStatus from) {
        outbox.publish(request.getNumber(), new RequestTransitioned(request.getNumber(), action, from,
                request.getStatus(), currentUser.username()));
    }

    private ServiceRequest load(String number) {
        ServiceRequest request = requests.findByNumber(number)
                .orElseThrow(() -> new TicketNotFoundException("request", number));
        if (currentUser.isRequesterOnly() && !currentUser.username().equals(request.getRequester())) {
            throw new ForbiddenActionException("request " + number + " belongs to someone else");
        }
        return request;
    }
}
