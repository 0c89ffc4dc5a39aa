package io.itsmhub.core.incident;

import io.itsmhub.core.common.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new incident. Impact and urgency default to MEDIUM (P3); the caller defaults to whoever raises it. From a
 * requester (no staff role) impact and urgency are only what they report, and assignment is the service desk's.
 * {@code attributes}: the custom fields of the desk the incident lands on (400 naming any that is missing or wrong).
 */
public record IncidentForm(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 10000) String description,
        Priority.Level impact,
        Priority.Level urgency,
        String caller,
        String assignmentGroup,
        String assignee,
        String affectedCi,
        String service,
        @Pattern(regexp = "[a-z][a-z0-9-]{0,29}", message = "lower-case letters, digits and -, e.g. manual, alertmanager, email") String source,
        @Size(max = 200) String sourceRef,
        @Size(max = 100) java.util.Map<String, String> attributes) {

    /** Without custom fields (the hub's own intakes, and callers from before them). */
    public IncidentForm(String title, String description, Priority.Level impact, Priority.Level urgency, String caller,
                        String assignmentGroup, String assignee, String affectedCi, String service, String source,
                        String sourceRef) {
        this(title, description, impact, urgency, caller, assignmentGroup, assignee, affectedCi, service, source, sourceRef, null);
    }
}
