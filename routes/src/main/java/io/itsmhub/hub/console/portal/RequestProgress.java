package io.itsmhub.hub.console.portal;

import io.itsmhub.core.fulfilment.FulfilmentView;
import io.itsmhub.core.request.Approval;
import io.itsmhub.core.request.RequestStatus;
import io.itsmhub.core.request.RequestView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a requester sees of an order on its way: a timeline of the steps so far and to come (ordered, each
 * approval, each fulfilment step, done), where it is now and who or what is working on it, and the SLA time left.
 * Built from the request and its fulfilment, so it tells the same story as the journal.
 */
record RequestProgress(RequestView request, List<Entry> timeline, List<String> approvers, String executor,
                       Duration slaLeft, boolean live) {

    /** One line of the timeline: a message key with its argument, a state for the dot, and when it happened. */
    record Entry(String key, String arg, String state, Instant at, String note) { }

    static final Set<RequestStatus> FINAL = EnumSet.of(RequestStatus.FULFILLED, RequestStatus.REJECTED, RequestStatus.CANCELLED);

    static RequestProgress of(RequestView r, FulfilmentView fulfilment) {
        List<Entry> timeline = new ArrayList<>();
        timeline.add(new Entry("portal.step.ordered", r.requester(), "done", r.createdAt(), null));
        for (RequestView.ApprovalView a : r.approvals()) {
            boolean approved = a.decision() == Approval.Decision.APPROVED;
            timeline.add(new Entry(approved ? "portal.step.approved" : "portal.step.rejected", a.approver(),
                    approved ? "done" : "failed", a.decidedAt(), a.comment()));
        }
        if (r.status() == RequestStatus.AWAITING_APPROVAL) {
            timeline.add(new Entry("portal.step.awaitingApproval", null, "running", null, null));
        }
        if (fulfilment != null) {
            for (FulfilmentView.StepView step : fulfilment.steps()) {
                String note = "failed".equals(step.status()) ? fulfilment.error() : null;
                timeline.add(new Entry("portal.step." + step.step().name(), null, step.status(), null, note));
            }
        } else if (r.status() == RequestStatus.APPROVED || r.status() == RequestStatus.IN_FULFILMENT
                || r.status() == RequestStatus.ON_HOLD) {
            timeline.add(new Entry("portal.step.fulfilment", r.assignmentGroup(),
                    r.status() == RequestStatus.ON_HOLD ? "failed" : "running", null, null));
        }
        switch (r.status()) {
            case FULFILLED -> timeline.add(new Entry("portal.step.fulfilled", null, "done", r.closedAt(), r.closeNote()));
            case CANCELLED -> timeline.add(new Entry("portal.step.cancelled", null, "failed", r.closedAt(), r.closeNote()));
            case REJECTED -> { } // the rejecting approval above says it
            default -> timeline.add(new Entry("portal.step.fulfilled", null, "pending", null, null));
        }
        List<String> approvers = r.status() == RequestStatus.AWAITING_APPROVAL && r.currentApprovers() != null
                ? r.currentApprovers() : List.of();
        boolean live = !FINAL.contains(r.status());
        return new RequestProgress(r, timeline, approvers, r.executor(), live ? r.slaTimeLeft() : null, live);
    }
}
