package io.itsmhub.core.change;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A new change. Release fields are optional: {@code pipeline} is a Jenkins job path (folders with /),
 * {@code parameters} its build parameters (strings, numbers or booleans), {@code targetCis} the CIs it deploys to,
 * {@code rollbackPipeline} the job that undoes it. With {@code template} the change is a standard change: pipeline,
 * parameters, targets and risk come from the pre-approved template and it is authorised on creation.
 */
public record ChangeForm(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 10000) String description,
        ChangeType type,
        Risk risk,
        String assignmentGroup,
        String assignee,
        Instant plannedStart,
        Instant plannedEnd,
        @Pattern(regexp = JOB_PATH, message = "a job path such as payments/deploy-prod") String pipeline,
        Map<@Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*", message = "parameter names are identifiers") String, Object> parameters,
        @Size(max = 100) String releaseVersion,
        Set<String> targetCis,
        @Pattern(regexp = JOB_PATH, message = "a job path such as payments/rollback-prod") String rollbackPipeline,
        @Size(max = 100) String template) {

    static final String JOB_PATH = "[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*";
}
