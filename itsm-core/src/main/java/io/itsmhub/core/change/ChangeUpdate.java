package io.itsmhub.core.change;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The fields that may change before implementation; null leaves a field as it is. Risk, window, pipeline,
 * parameters, version, rollback pipeline and target CIs are what an authorisation covers: changing one of them on
 * an authorised or scheduled change sends it back to assessment (see {@link ChangeEdit}). Title and description
 * change freely.
 */
public record ChangeUpdate(
        @Size(min = 1, max = 200) String title,
        @Size(max = 10000) String description,
        Risk risk,
        Instant plannedStart,
        Instant plannedEnd,
        @Size(max = 100) String releaseVersion,
        @Pattern(regexp = ChangeForm.JOB_PATH, message = "a job path such as payments/deploy-prod") String pipeline,
        Map<@Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*", message = "parameter names are identifiers") String, Object> parameters,
        @Pattern(regexp = ChangeForm.JOB_PATH, message = "a job path such as payments/rollback-prod") String rollbackPipeline,
        Set<String> targetCis) { }
