package io.itsmhub.core.hr;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One line of the HR feed (JSON webhook or CSV drop). {@code jobRole} picks the access a joiner needs.
 * {@code recordId} is the HR system's own id of the event: with it, a record is applied once whenever it is sent
 * again; without it, an identical record within {@code hub.hr.duplicate-window} counts as a retry.
 */
public record HrRecord(
        @NotNull Event event,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "letters, digits and . _ @ - only") String username,
        @Size(max = 200) String displayName,
        @Size(max = 200) String email,
        @Size(max = 50) String phone,
        String manager,
        @Size(max = 100) String jobRole,
        @Size(max = 100) String group,
        @Pattern(regexp = "[A-Za-z0-9._:/@-]{1,200}", message = "1 to 200 letters, digits and . _ : / @ - only") String recordId) {

    public enum Event { JOINER, MOVER, LEAVER }
}
