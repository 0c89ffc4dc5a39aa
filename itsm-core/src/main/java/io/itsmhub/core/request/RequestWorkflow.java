package io.itsmhub.core.request;

import static io.itsmhub.core.request.RequestStatus.APPROVED;
import static io.itsmhub.core.request.RequestStatus.AWAITING_APPROVAL;
import static io.itsmhub.core.request.RequestStatus.CANCELLED;
import static io.itsmhub.core.request.RequestStatus.FULFILLED;
import static io.itsmhub.core.request.RequestStatus.IN_FULFILMENT;
import static io.itsmhub.core.request.RequestStatus.ON_HOLD;
import static io.itsmhub.core.request.RequestStatus.REJECTED;
import static io.itsmhub.core.request.RequestStatus.SUBMITTED;

import io.itsmhub.core.ticket.Workflow;

/**
 * Submitted → Awaiting Approval → Approved → In Fulfilment → Fulfilled; Rejected ends an approval;
 * Cancelled before fulfilment starts or while it is on hold after a failed step (In Fulfilment ⇄ On Hold). Items that need no approval go Submitted → Approved directly.
 */
final class RequestWorkflow {
    private RequestWorkflow() { }

    static final String REQUEST_APPROVAL = "request-approval";
    static final String AUTO_APPROVE = "auto-approve";
    static final String APPROVE = "approve";
    static final String REJECT = "reject";
    static final String START_FULFILMENT = "start-fulfilment";
    static final String FULFIL = "fulfil";
    static final String CANCEL = "cancel";
    static final String HOLD = "hold";
    static final String RESUME = "resume";

    static final Workflow<RequestStatus> WORKFLOW = Workflow.of("request", RequestStatus.class)
            .transition(REQUEST_APPROVAL, AWAITING_APPROVAL, SUBMITTED)
            .transition(AUTO_APPROVE, APPROVED, SUBMITTED)
            .transition(APPROVE, APPROVED, AWAITING_APPROVAL)
            .transition(REJECT, REJECTED, AWAITING_APPROVAL)
            .transition(START_FULFILMENT, IN_FULFILMENT, APPROVED)
            .transition(FULFIL, FULFILLED, IN_FULFILMENT)
            .transition(HOLD, ON_HOLD, IN_FULFILMENT)
            .transition(RESUME, IN_FULFILMENT, ON_HOLD)
            .transition(CANCEL, CANCELLED, SUBMITTED, AWAITING_APPROVAL, APPROVED, ON_HOLD)
            .build();
}
