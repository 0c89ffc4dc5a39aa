package io.itsmhub.core.request;

import io.itsmhub.core.common.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;

public record RequestView(String number, String title, String description, String catalogItem,
                          Map<String, Object> values, RequestStatus status, Priority priority, String requester,
                          String openedBy, String assignmentGroup, String assignee, Instant createdAt,
                          Instant updatedAt, Instant responseDue, Instant resolutionDue, boolean slaBreached,
                          Instant closedAt, String closeNote, List<ApprovalView> approvals, List<String> allowedActions,
                          java.math.BigDecimal cost, List<String> currentApprovers, String executor,
                          java.time.Duration slaTimeLeft, String desk) {

    public record ApprovalView(String approver, Approval.Decision decision, String comment, Instant decidedAt) { }

    /** {@code slaTimeLeft}: until the resolution target while the request is open (negative once missed), else null. */
    static RequestView of(ServiceRequest r, Instant now) {
        return new RequestView(r.getNumber(), r.getTitle(), r.getDescription(), r.getCatalogItem(), r.getValues(),
                r.getStatus(), r.getPriority(), r.getRequester(), r.getOpenedBy(), r.getAssignmentGroup(),
                r.getAssignee(), r.getCreatedAt(), r.getUpdatedAt(), r.getResponseDue(), r.getResolutionDue(),
                r.isSlaBreached(), r.getClosedAt(), r.getCloseNote(),
                r.getApprovals().stream().map(a -> new ApprovalView(a.getApprover(), a.getDecision(), a.getComment(),
                        a.getDecidedAt())).toList(),
                RequestWorkflow.WORKFLOW.on(r.getDeskCode()).allowedFrom(r.getStatus()), r.getCost(), r.getCurrentApprovers(), r.getExecutor(),
                r.getClosedAt() != null || r.getResolutionDue() == null ? null : java.time.Duration.between(now, r.getResolutionDue()), r.getDeskCode());
    }
}
