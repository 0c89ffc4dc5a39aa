package io.itsmhub.core.problem;

import io.itsmhub.core.common.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Set;

public record ProblemView(String number, String title, String description, ProblemStatus status, Priority priority,
                          String assignmentGroup, String assignee, String rootCause, boolean knownError,
                          String workaround, Set<String> incidents, Instant createdAt, Instant updatedAt,
                          List<String> allowedActions, String desk) {

    static ProblemView of(Problem p) {
        return new ProblemView(p.getNumber(), p.getTitle(), p.getDescription(), p.getStatus(), p.getPriority(),
                p.getAssignmentGroup(), p.getAssignee(), p.getRootCause(), p.isKnownError(), p.getWorkaround(),
                Set.copyOf(p.getIncidents()), p.getCreatedAt(), p.getUpdatedAt(),
                ProblemWorkflow.WORKFLOW.on(p.getDeskCode()).allowedFrom(p.getStatus()), p.getDeskCode());
    }
}
