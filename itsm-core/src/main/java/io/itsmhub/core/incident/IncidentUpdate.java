package io.itsmhub.core.incident;

import io.itsmhub.core.common.Priority;
import jakarta.validation.constraints.Size;

/** The fields that may change while an incident is worked; null leaves a field as it is. */
public record IncidentUpdate(@Size(min = 1, max = 200) String title, @Size(max = 10000) String description,
                             Priority.Level impact, Priority.Level urgency, String affectedCi, String service) { }
