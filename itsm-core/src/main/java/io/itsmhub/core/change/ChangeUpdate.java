package io.itsmhub.core.change;

import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The fields that may change before implementation; null leaves a field as it is. */
public record ChangeUpdate(@Size(min = 1, max = 200) String title, @Size(max = 10000) String description, Risk risk,
                           Instant plannedStart, Instant plannedEnd, @Size(max = 100) String releaseVersion) { }
