package io.itsmhub.core.request.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

public record CatalogItemForm(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,49}", message = "lower-case letters, digits and -") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @Size(max = 100) String category,
        @NotNull @Valid List<FormField> form,
        boolean approvalRequired,
        String fulfilmentGroup,
        Boolean active,
        @Valid List<ApprovalStep> approvalChain,
        @Pattern(regexp = "vm|directory-access|password-reset", message = "vm, directory-access or password-reset, or empty for fulfilment by hand") String fulfilment,
        Pricing pricing,
        @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(10000) Integer slaHours,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> grantableGroups) {

    /** An item without an allow-list of directory groups (anything but a directory-access item). */
    public CatalogItemForm(String code, String name, String description, String category, List<FormField> form,
                           boolean approvalRequired, String fulfilmentGroup, Boolean active,
                           List<ApprovalStep> approvalChain, String fulfilment, Pricing pricing, Integer slaHours) {
        this(code, name, description, category, form, approvalRequired, fulfilmentGroup, active, approvalChain,
                fulfilment, pricing, slaHours, null);
    }

    /** An item fulfilled by hand, with the manager's approval when {@code approvalRequired}. */
    public CatalogItemForm(String code, String name, String description, String category, List<FormField> form,
                           boolean approvalRequired, String fulfilmentGroup, Boolean active) {
        this(code, name, description, category, form, approvalRequired, fulfilmentGroup, active, null, null, null, null, null);
    }
}
