package io.itsmhub.core.hr;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One line of the HR feed (JSON webhook or CSV drop). {@code jobRole} picks the access a joiner needs. */
public record HrRecord(
        @NotNull Event event,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "letters, digits and . _ @ - only") String username,
        @Size(max = 200) String displayName,
        @Size(max = 200) String email,
        @Size(max = 50) String phone,
        String manager,
        @Size(max = 100) String jobRole,
        @Size(max = 100) String group) {

    public enum Event { JOINER, MOVER, LEAVER }
}
