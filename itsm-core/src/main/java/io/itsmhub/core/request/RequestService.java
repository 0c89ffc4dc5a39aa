package io.itsmhub.core.request;

import static io.itsmhub.core.request.RequestWorkflow.WORKFLOW;

import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.journal.JournalRenderer;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.outbox.Outbox;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import io.itsmhub.core.request.RequestEvents.RequestApprovalRequested;
import io.itsmhub.core.request.RequestEvents.RequestApproved;
import io.itsmhub.core.request.RequestEvents.RequestRejected;
import io.itsmhub.core.request.RequestEvents.RequestSubmitted;
import io.itsmhub.core.request.RequestEvents.RequestTransitioned;
import io.itsmhub.core.request.catalog.ApprovalStep;
import io.itsmhub.core.request.catalog.CatalogItemView;
import io.itsmhub.core.request.catalog.CatalogService;
import io.itsmhub.core.request.catalog.FormValidator;
import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.security.Reauthentication;
import io.itsmhub.core.common.ForbiddenActionException;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.PageView;
import io.itsmhub.core.common.Specs;
import io.itsmhub.core.ticket.WorkQueue;
import io.itsmhub.core.common.TicketSequences;
import io.itsmhub.core.ticket.TicketKernel;
import io.itsmhub.core.ticket.TicketKind;
import io.itsmhub.core.ticket.TicketTransitions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only writer of service requests: submit, approve or reject, fulfil, cancel. */
@Service
@Transactional
public class RequestService {

    private static final List<RequestStatus> OPEN = List.of(RequestStatus.SUBMITTED, RequestStatus.AWAITING_APPROVAL,
            RequestStatus.APPROVED, RequestStatus.IN_FULFILMENT, RequestStatus.ON_HOLD);

    private final ServiceRequestRepository requests;
    private final CatalogService catalog;
    private final PeopleService people;
    private final Journal journal;
    private final Outbox outbox;
    private final CurrentUser currentUser;
    private final TicketSequences sequences;
    private final TicketTransitions transitions;
    private final TicketKernel kernel;
    private final TicketKind<ServiceRequest> kind;
    private final Clock clock;
    private final ApprovalRules rules;
    private final GrantableGroups grantable;
    private final Reauthentication reauthentication;

    public RequestService(ServiceRequestRepository requests, CatalogService catalog, PeopleService people,
                          Journal journal, Outbox outbox, CurrentUser currentUser,
                          TicketSequences sequences, TicketTransitions transitions, Clock clock, ApprovalRules rules,
                          GrantableGroups grantable, Reauthentication reauthentication, TicketKernel kernel) {
        this.requests = requests;
        this.catalog = catalog;
        this.people = people;
        this.journal = journal;
        this.outbox = outbox;
        this.currentUser = currentUser;
        this.sequences = sequences;
        this.transitions = transitions;
        this.kernel = kernel;
        this.kind = kernel.register(new TicketKind<>("request", "REQ", "requester", requests::findByNumber, requests));
        this.clock = clock;
        this.rules = rules;
        this.grantable = grantable;
        this.reauthentication = reauthentication;
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
        checkFulfilmentRules(item, values, requester, actor, form.currentPassword());

        Instant now = clock.instant();
        ServiceRequest request = new ServiceRequest(sequences.next("request_seq"), item.code(), item.name(), values,
                requester, actor, now);
        request.setDescription(form.description());
        request.setAssignmentGroup(item.fulfilmentGroup());
        if (item.pricing() != null) {
            request.setCost(item.pricing().cost(values));
        }
        kernel.place(request, null, item.category(), null);
        kernel.applySla(request, now);
        if (item.slaHours() != null) { // the catalog item's promise overrides the desk's resolution target
            request.setDue(request.getResponseDue(), now.plus(Duration.ofHours(item.slaHours())));
        }
        requests.save(request);
        String number = request.getNumber();
        kernel.opened(request, actor, request.getCost() == null
                ? JournalMessage.of(JournalKeys.REQUEST_CREATED, requester, item.name())
                : JournalMessage.of(JournalKeys.REQUEST_CREATED_WITH_COST, requester, item.name(),
                        request.getCost().toPlainString()));
        outbox.publish(number, new RequestSubmitted(number, item.code(), requester, values));
        nextApproval(request, item, 0, false);
        return RequestView.of(request, clock.instant());
    }

    /**
     * What a fulfilment plan needs before it may be ordered: an access order names a grantable group for the person it
     * is for; a password reset of one's own account needs the current password again (a reset for someone else waits
     * for their confirmation instead, see {@link ApprovalRules#chainOf}).
     */
    private void checkFulfilmentRules(CatalogItemView item, Map<String, Object> values, String requester, String actor,
                                      String currentPassword) {
        if ("directory-access".equals(item.fulfilment())) {
            grantable.check(item, values);
            if (values.get("user") != null && !requester.equals(String.valueOf(values.get("user")))) {
                throw InvalidInputException.of("values.user", "access is granted to the person the request is for ("
                        + requester + "); order it for them with requestedFor");
            }
        }
        if ("password-reset".equals(item.fulfilment()) && requester.equals(actor)) {
            if (currentPassword == null || currentPassword.isEmpty()) {
                throw InvalidInputException.of("currentPassword", "is required to reset your own password");
            }
            if (!reauthentication.verify(actor, currentPassword)) {
                throw InvalidInputException.of("currentPassword", "is not your current password");
            }
        }
    }

    /**
     * Moves the request to the first step of its approval chain, from {@code from} on, that applies to it; when none
     * is left the request is approved. Each step waiting publishes who must decide, so that they are told.
     */
    private void nextApproval(ServiceRequest request, CatalogItemView item, int from, boolean escalated) {
        String number = request.getNumber();
        List<ApprovalStep> chain = ApprovalRules.chainOf(request, item);
        for (int i = from; i < chain.size(); i++) {
            ApprovalStep step = chain.get(i);
            if (!step.appliesTo(request.getValues(), request.getCost())) {
                journal.publicNote(number, CurrentUser.SYSTEM,
                        JournalMessage.of(JournalKeys.APPROVAL_NOT_APPLICABLE, step.title()));
                continue;
            }
            ApprovalRules.Routing routing = rules.approversFor(step, request, item);
            List<String> approvers = routing.approvers();
            request.awaitApproval(i, approvers, clock.instant());
            request.setExecutor(executor(step, request, approvers));
            if (request.getStatus() == RequestStatus.SUBMITTED) {
                move(request, RequestWorkflow.REQUEST_APPROVAL, null);
            }
            if (routing.note() != null) { // the rules moved the step away from its usual approver: why
                journal.note(number, CurrentUser.SYSTEM, routing.note());
            }
            journal.note(number, CurrentUser.SYSTEM, JournalMessage.of(JournalKeys.APPROVAL_WAITING,
                    String.join(", ", approvers), step.title()));
            outbox.publish(number, new RequestApprovalRequested(number, item.code(), request.getRequester(),
                    step.title(), step.kind().name(), approvers, escalated));
            return;
        }
        request.awaitApproval(chain.size(), List.of(), null);
        request.setExecutor(item.fulfilmentGroup() == null ? null : "fulfilment by " + item.fulfilmentGroup());
        if (request.getStatus() == RequestStatus.SUBMITTED) {
            move(request, RequestWorkflow.AUTO_APPROVE, JournalMessage.of(JournalKeys.REQUEST_NO_APPROVAL_NEEDED, item.code()));
            outbox.publish(number, new RequestApproved(number, item.code(), request.getRequester(), CurrentUser.SYSTEM));
        } else {
            move(request, RequestWorkflow.APPROVE, JournalMessage.of(JournalKeys.REQUEST_EVERY_APPROVAL_GIVEN));
            outbox.publish(number, new RequestApproved(number, item.code(), request.getRequester(), currentUser.username()));
        }
    }

    /** In words, for the requester: "approval by mike", or "confirmation by rita or approval by mike". */
    private static String executor(ApprovalStep step, ServiceRequest request, List<String> approvers) {
        if (step.kind() == ApprovalStep.Kind.CONFIRMATION) {
            List<String> others = approvers.stream().filter(a -> !a.equals(request.getRequester())).toList();
            return ("confirmation by " + request.getRequester() + (others.isEmpty() ? "" : " or approval by "
                    + String.join(", ", others))).replace("group:", "group ");
        }
        return "approval by " + String.join(", ", approvers).replace("group:", "group ");
    }

    private static ApprovalStep currentStep(ServiceRequest request, CatalogItemView item) {
        List<ApprovalStep> chain = ApprovalRules.chainOf(request, item);
        return chain.isEmpty() ? null : chain.get(Math.min(request.getApprovalStep(), chain.size() - 1));
    }

    /**
     * Steps left waiting longer than {@code after} go to the manager of each approver who has one; the new
     * approvers are told. Returns how many requests were escalated.
     */
    public int escalateOverdueApprovals(Duration after) {
        Instant cutoff = clock.instant().minus(after);
        int escalated = 0;
        for (ServiceRequest request : requests.findByStatusAndApprovalSinceBefore(RequestStatus.AWAITING_APPROVAL, cutoff)) {
            List<String> managers = request.getCurrentApprovers().stream().filter(a -> !a.startsWith("group:"))
                    .map(a -> people.find(a).map(Person::getManager).orElse(null)).filter(java.util.Objects::nonNull)
                    .filter(m -> !rules.excludes(request, m) && !request.getCurrentApprovers().contains(m)).distinct().toList();
            if (managers.isEmpty()) {
                continue;
            }
            List<String> approvers = new java.util.ArrayList<>(request.getCurrentApprovers());
            approvers.addAll(managers);
            request.awaitApproval(request.getApprovalStep(), approvers, clock.instant());
            CatalogItemView item = catalog.get(request.getCatalogItem());
            ApprovalStep step = currentStep(request, item);
            request.setExecutor(executor(step, request, approvers));
            journal.note(request.getNumber(), CurrentUser.SYSTEM, JournalMessage.of(JournalKeys.APPROVAL_ESCALATED,
                    after, String.join(", ", managers)));
            outbox.publish(request.getNumber(), new RequestApprovalRequested(request.getNumber(), item.code(),
                    request.getRequester(), step.title(), step.kind().name(), approvers, true));
            escalated++;
        }
        return escalated;
    }

    /** Approves the waiting step; the request is approved when it was the chain's last applicable step. */
    public RequestView approve(String number, String comment) {
        ServiceRequest request = load(number);
        if (request.getStatus() != RequestStatus.AWAITING_APPROVAL) {
            move(request, RequestWorkflow.APPROVE, JournalMessage.text(comment)); // answers 409 with the allowed actions
        }
        checkApprover(request);
        String approver = currentUser.username();
        request.addApproval(new Approval(request.getId(), approver, Approval.Decision.APPROVED, comment, clock.instant()));
        CatalogItemView item = catalog.get(request.getCatalogItem());
        ApprovalStep current = currentStep(request, item);
        String step = current == null ? "approval" : current.title();
        journal.note(number, approver, comment == null ? JournalMessage.of(JournalKeys.APPROVAL_APPROVED, step)
                : JournalMessage.of(JournalKeys.APPROVAL_APPROVED_WITH_COMMENT, step, comment));
        nextApproval(request, item, request.getApprovalStep() + 1, false);
        request.touch(clock.instant());
        return RequestView.of(request, clock.instant());
    }

    /**
     * The person a request is for confirms it, when its waiting step asks for that (a password reset someone else
     * ordered for them); the request then walks on as after an approval.
     */
    public RequestView confirm(String number, String comment) {
        ServiceRequest request = load(number);
        String actor = currentUser.username();
        if (!actor.equals(request.getRequester())) {
            throw new ForbiddenActionException("confirmed-by-requester", "only %s, whom %s is for, confirms it"
                    .formatted(request.getRequester(), number));
        }
        if (request.getStatus() != RequestStatus.AWAITING_APPROVAL) {
            move(request, RequestWorkflow.APPROVE, JournalMessage.text(comment)); // answers 409 with the allowed actions
        }
        CatalogItemView item = catalog.get(request.getCatalogItem());
        ApprovalStep current = currentStep(request, item);
        if (current == null || current.kind() != ApprovalStep.Kind.CONFIRMATION) {
            throw new io.itsmhub.core.common.ConflictException("Nothing to confirm", "%s waits for approval by %s, not for a confirmation"
                    .formatted(number, String.join(", ", request.getCurrentApprovers())));
        }
        request.addApproval(new Approval(request.getId(), actor, Approval.Decision.CONFIRMED, comment, clock.instant()));
        journal.note(number, actor, comment == null ? JournalMessage.of(JournalKeys.APPROVAL_CONFIRMED, actor)
                : JournalMessage.of(JournalKeys.APPROVAL_CONFIRMED_WITH_COMMENT, actor, comment));
        nextApproval(request, item, request.getApprovalStep() + 1, false);
        request.touch(clock.instant());
        return RequestView.of(request, clock.instant());
    }

    public RequestView reject(String number, String comment) {
        ServiceRequest request = decide(number, Approval.Decision.REJECTED, comment);
        request.awaitApproval(request.getApprovalStep(), List.of(), null);
        request.setExecutor(null);
        request.close(clock.instant(), comment);
        outbox.publish(number, new RequestRejected(number, request.getRequester(), currentUser.username(), comment));
        return RequestView.of(request, clock.instant());
    }

    public RequestView startFulfilment(String number) {
        ServiceRequest request = load(number);
        transitioned(move(request, RequestWorkflow.START_FULFILMENT, null), RequestWorkflow.START_FULFILMENT,
                RequestStatus.APPROVED);
        return RequestView.of(request, clock.instant());
    }

    public RequestView fulfil(String number, String note) {
        ServiceRequest request = load(number);
        move(request, RequestWorkflow.FULFIL, JournalMessage.text(note));
        request.setExecutor(null);
        request.close(clock.instant(), note);
        transitioned(request, RequestWorkflow.FULFIL, RequestStatus.IN_FULFILMENT);
        return RequestView.of(request, clock.instant());
    }

    /** A fulfilment step failed: on hold with the error, until an agent retries or cancels. */
    public RequestView hold(String number, String reason) {
        return hold(number, JournalMessage.text(reason));
    }

    /** On hold with the hub's own words for why (a failed step and its error). */
    public RequestView hold(String number, JournalMessage reason) {
        ServiceRequest request = load(number);
        move(request, RequestWorkflow.HOLD, reason);
        request.setExecutor("on hold: fulfilment team (" + request.getAssignmentGroup() + ")");
        transitioned(request, RequestWorkflow.HOLD, RequestStatus.IN_FULFILMENT);
        return RequestView.of(request, clock.instant());
    }

    public RequestView resume(String number, String note) {
        return resume(number, JournalMessage.text(note));
    }

    public RequestView resume(String number, JournalMessage note) {
        ServiceRequest request = load(number);
        move(request, RequestWorkflow.RESUME, note);
        transitioned(request, RequestWorkflow.RESUME, RequestStatus.ON_HOLD);
        return RequestView.of(request, clock.instant());
    }

    /** Who or what acts on the request now, as the requester reads it. */
    public void executor(String number, String executor) {
        ServiceRequest request = load(number);
        if (!java.util.Objects.equals(executor, request.getExecutor())) {
            request.setExecutor(executor);
        }
    }

    public RequestView cancel(String number, String reason) {
        return cancel(number, JournalMessage.text(reason), reason);
    }

    /**
     * Cancelled by the hub (a fulfilment given up), with its words for the journal. The close note is a field of the
     * request, shown as stored, so it keeps the English text it always had.
     */
    public RequestView cancel(String number, JournalMessage reason) {
        return cancel(number, reason, JournalRenderer.english(reason));
    }

    private RequestView cancel(String number, JournalMessage reason, String closeNote) {
        ServiceRequest request = load(number);
        RequestStatus from = request.getStatus();
        move(request, RequestWorkflow.CANCEL, reason);
        request.close(clock.instant(), closeNote);
        transitioned(request, RequestWorkflow.CANCEL, from);
        return RequestView.of(request, clock.instant());
    }

    public RequestView assign(String number, String group, String assignee) {
        ServiceRequest request = load(number);
        kernel.assign(request, group, assignee);
        return RequestView.of(request, clock.instant());
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
    public RequestView get(String number) {
        return RequestView.of(load(number), clock.instant());
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
        return PageView.of(kernel.find(kind, spec, pageable), r -> RequestView.of(r, clock.instant()));
    }

    /**
     * The open requests of one of the caller's work queues, in the order the queue is worked; {@code totalItems}
     * counts the whole queue.
     */
    @Transactional(readOnly = true)
    public PageView<RequestView> queue(WorkQueue queue, int size) {
        return PageView.of(kernel.queue(kind, queue, OPEN, size), r -> RequestView.of(r, clock.instant()));
    }

    /** Flags requests that missed their resolution target, once each, with a journal line and an event. */
    public int flagBreaches() {
        List<ServiceRequest> breached = requests.newlyBreached(OPEN, clock.instant());
        for (ServiceRequest request : breached) {
            kernel.breached(request, JournalMessage.of(JournalKeys.SLA_MISSED_RESOLUTION, request.getResolutionDue()));
            outbox.publish(request.getNumber(), new RequestEvents.RequestSlaBreached(request.getNumber(),
                    request.getRequester(), request.getAssignmentGroup(), request.getAssignee()));
        }
        return breached.size();
    }

    private ServiceRequest decide(String number, Approval.Decision decision, String comment) {
        ServiceRequest request = load(number);
        String action = decision == Approval.Decision.APPROVED ? RequestWorkflow.APPROVE : RequestWorkflow.REJECT;
        if (request.getStatus() != RequestStatus.AWAITING_APPROVAL) {
            move(request, action, JournalMessage.text(comment)); // a closed request answers 409 with the allowed actions, before any rule
        }
        checkApprover(request);
        String approver = currentUser.username();
        move(request, action, JournalMessage.text(comment));
        request.addApproval(new Approval(request.getId(), approver, decision, comment, clock.instant()));
        return request;
    }

    /**
     * Only the waiting step's approvers (or an admin) decide, and nobody the segregation of duties excludes: not the
     * requester, not the opener, not whoever decided another step (admins included).
     */
    private void checkApprover(ServiceRequest request) {
        String actor = currentUser.username();
        rules.checkDecider(request, actor);
        List<String> approvers = request.getCurrentApprovers();
        if (approvers.isEmpty() || currentUser.hasRole("ADMIN")) {
            return;
        }
        Set<String> groups = people.find(actor).map(Person::getGroups).orElse(Set.of());
        boolean allowed = approvers.stream().anyMatch(a -> a.equals(actor)
                || a.startsWith("group:") && groups.contains(a.substring(6)));
        if (!allowed) {
            throw new ForbiddenActionException("%s waits for approval by %s, not %s".formatted(request.getNumber(),
                    String.join(", ", approvers), actor));
        }
    }

    private ServiceRequest move(ServiceRequest request, String action, JournalMessage note) {
        transitions.move(request, WORKFLOW, action, currentUser.username(), note);
        return request;
    }

    private void transitioned(ServiceRequest request, String action, RequestStatus from) {
        outbox.publish(request.getNumber(), new RequestTransitioned(request.getNumber(), action, from,
                request.getStatus(), currentUser.username()));
    }

    private ServiceRequest load(String number) {
        return kernel.load(kind, number);
    }
}
