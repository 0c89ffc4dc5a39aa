package io.itsmhub.core.field;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A custom field as an administrator defines it. {@code requiredWhen} and {@code visibleWhen} are conditions on the
 * ticket's other fields, e.g. {@code category == "store"} or {@code amount > 1000}; {@code options} for the choice
 * types; {@code min}/{@code max} bound a number (or a text's length), {@code pattern} a text.
 */
public record CustomFieldForm(
        @NotBlank @Size(max = 200) String label,
        @Size(max = 200) String labelZh,
        @NotNull FieldType type,
        boolean required,
        @Size(max = 500) String requiredWhen,
        @Size(max = 500) String visibleWhen,
        @Size(max = 4000) String defaultValue,
        BigDecimal min,
        BigDecimal max,
        @Size(max = 500) String pattern,
        @Size(max = 200) List<@NotBlank @Size(max = 200) String> options,
        Integer position) {

    /** A field name: camelCase, 1–40 letters or digits (it is a variable in conditions and a list filter). */
    public static final String NAME = "[a-z][A-Za-z0-9]{0,39}";

    /** For validation of the path segment that names the field. */
    public record Name(@Pattern(regexp = NAME, message = "camelCase, 1-40 letters or digits") String name) { }
}
