package io.itsmhub.core.change;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Set;

/** A standard-change template as a change manager approves it. */
public record ChangeTemplateForm(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,99}", message = "lower-case letters, digits and -, e.g. payments-deploy") String name,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 10000) String description,
        Risk risk,
        @Pattern(regexp = ChangeForm.JOB_PATH, message = "a job path such as payments/deploy-prod") String pipeline,
        Map<@Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*", message = "parameter names are identifiers") String, Object> parameters,
        @Pattern(regexp = ChangeForm.JOB_PATH, message = "a job path such as payments/rollback-prod") String rollbackPipeline,
        Set<String> targetCis) { }
