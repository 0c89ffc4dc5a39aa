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
        Boolean active) { }
