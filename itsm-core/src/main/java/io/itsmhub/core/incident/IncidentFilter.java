package io.itsmhub.core.incident;

import io.itsmhub.core.common.Priority;
import java.util.List;

/** List filters; every one optional. {@code ci} matches the affected CI or the service. */
public record IncidentFilter(List<IncidentStatus> status, Priority priority, String assignee, String assignmentGroup,
                             String source, String sourceRef, String ci, String caller, String relatedChange) { }
