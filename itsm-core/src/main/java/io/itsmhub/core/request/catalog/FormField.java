package io.itsmhub.core.request.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.List;

/**
 * One field of a catalog item's form. For NUMBER, min/max bound the value; for TEXT, its length;
 * for MULTI_CHOICE, how many choices may be picked.
 */
public record FormField(
        @NotBlank @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9_]{0,49}", message = "letters, digits and _ only") String name,
        @NotBlank String label,
        @NotNull Type type,
        boolean required,
        BigDecimal min,
        BigDecimal max,
        List<String> choices) {

    public enum Type { TEXT, NUMBER, BOOLEAN, CHOICE, MULTI_CHOICE }
}
