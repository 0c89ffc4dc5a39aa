package io.itsmhub.core.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies shared by the transition endpoints of several ticket types. */
public final class ActionForms {
    private ActionForms() { }

    /** Optional free text that explains a transition (hold, reopen, cancel, …). */
    public record Reason(@Size(max = 4000) String reason) {
        public static final Reason NONE = new Reason(null);
    }

    public record Comment(@NotBlank @Size(max = 10000) String text) { }

    public record Assignment(String assignmentGroup, String assignee) { }

    public record Resolution(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,49}", message = "lower-case code, e.g. fixed, workaround, cleared-at-source")
            String resolutionCode,
            @Size(max = 4000) String note) { }
}
