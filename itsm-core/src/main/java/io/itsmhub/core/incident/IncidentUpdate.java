package io.itsmhub.core.incident;

import io.itsmhub.core.common.Priority;
import jakarta.validation.constraints.Size;

/**
 * The fields that may change while an incident is worked; null leaves a field as it is. {@code attributes}: custom
 * fields to set (a null value clears one), checked against the fields of the incident's desk.
 */
public record IncidentUpdate(@Size(min = 1, max = 200) String title, @Size(max = 10000) String description,
                             Priority.Level impact, Priority.Level urgency, String affectedCi, String service,
                             @Size(max = 100) java.util.Map<String, String> attributes) {

    public IncidentUpdate(String title, String description, Priority.Level impact, Priority.Level urgency,
                          String affectedCi, String service) {
        this(title, description, impact, urgency, affectedCi, service, null);
    }
}
