package io.itsmhub.core.change;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A change as the API shows it, with its pipeline runs (empty for a change carried out by hand). */
public record ChangeView(String number, String title, String description, ChangeType type, Risk risk,
                         ChangeStatus status, Outcome outcome, String requestedBy, String assignmentGroup,
                         String assignee, Instant plannedStart, Instant plannedEnd, String pipeline,
                         Map<String, Object> parameters, String releaseVersion, Set<String> targetCis,
                         String rollbackPipeline, String template, boolean expedited, String authorisedBy,
                         String closeNote, Instant createdAt, Instant updatedAt, List<String> allowedActions,
                         List<ReleaseRunView> runs, String desk) {

    static ChangeView of(Change c, List<ReleaseRunView> runs) {
        return new ChangeView(c.getNumber(), c.getTitle(), c.getDescription(), c.getType(), c.getRisk(), c.getStatus(),
                c.getOutcome(), c.getRequestedBy(), c.getAssignmentGroup(), c.getAssignee(), c.getPlannedStart(),
                c.getPlannedEnd(), c.getPipeline(), c.getPipelineParameters(), c.getReleaseVersion(),
                Set.copyOf(c.getTargetCis()), c.getRollbackPipeline(), c.getTemplate(), c.isExpedited(),
                c.getAuthorisedBy(), c.getCloseNote(), c.getCreatedAt(), c.getUpdatedAt(),
                ChangeWorkflow.allowedFor(c), runs, c.getDeskCode());
    }
}
