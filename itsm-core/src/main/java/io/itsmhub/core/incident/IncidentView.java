package io.itsmhub.core.incident;

import io.itsmhub.core.common.Priority;
import java.time.Instant;
import java.util.List;

/**
 * An incident as the API shows it, with the actions its current state allows. {@code reportedImpact} and
 * {@code reportedUrgency} are what a requester said; {@code impact}, {@code urgency} and {@code priority} are the
 * service desk's.
 */
public record IncidentView(String number, String title, String description, IncidentStatus status, Priority priority,
                           Priority.Level impact, Priority.Level urgency, String caller, String assignmentGroup,
                           String assignee, String affectedCi, String service, String source, String sourceRef, String relatedChange,
                           String resolutionCode, String resolutionNote, Instant createdAt, Instant updatedAt,
                           Instant respondedAt, Instant resolvedAt, Instant closedAt, Instant responseDue,
                           Instant resolutionDue, boolean slaBreached, List<String> allowedActions,
                           Priority.Level reportedImpact, Priority.Level reportedUrgency, String desk, java.util.Map<String, String> attributes) {

    static IncidentView of(Incident i) {
        return new IncidentView(i.getNumber(), i.getTitle(), i.getDescription(), i.getStatus(), i.getPriority(),
                i.getImpact(), i.getUrgency(), i.getCaller(), i.getAssignmentGroup(), i.getAssignee(), i.getAffectedCi(),
                i.getService(), i.getSource(), i.getSourceRef(), i.getRelatedChange(), i.getResolutionCode(), i.getResolutionNote(),
                i.getCreatedAt(), i.getUpdatedAt(), i.getRespondedAt(), i.getResolvedAt(), i.getClosedAt(),
                i.getResponseDue(), i.getResolutionDue(), i.isSlaBreached(),
                IncidentWorkflow.WORKFLOW.on(i.getDeskCode()).allowedFrom(i.getStatus()), i.getReportedImpact(), i.getReportedUrgency(), i.getDeskCode(), i.getAttributes());
    }
}
