package io.itsmhub.core.change;

import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build parameters as Jenkins takes them: string, boolean or number values (Jenkins' string, boolean and choice
 * parameters). Nested objects and lists are refused here, at the form, rather than failing at Jenkins in the
 * middle of the window.
 */
final class ReleaseParameters {
    private ReleaseParameters() { }

    static final int MAX_PARAMETERS = 50;
    static final int MAX_VALUE_LENGTH = 4000;
    /** Set by the hub on every build; a job that declares them learns which change it deploys. */
    static final List<String> RESERVED = List.of("ITSM_CHANGE", "ITSM_VERSION");

    static Map<String, Object> validate(Map<String, Object> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return Map.of();
        }
        List<FieldError> errors = new ArrayList<>();
        if (parameters.size() > MAX_PARAMETERS) {
            errors.add(new FieldError("parameters", "at most " + MAX_PARAMETERS + " parameters"));
        }
        parameters.forEach((name, value) -> {
            String field = "parameters." + name;
            if (RESERVED.contains(name)) {
                errors.add(new FieldError(field, "is set by the hub itself"));
            } else if (value == null) {
                errors.add(new FieldError(field, "needs a value (a string, number or boolean)"));
            } else if (!(value instanceof String || value instanceof Boolean || value instanceof Number)) {
                errors.add(new FieldError(field, "must be a string, number or boolean, not " + kind(value)));
            } else if (value.toString().length() > MAX_VALUE_LENGTH) {
                errors.add(new FieldError(field, "at most " + MAX_VALUE_LENGTH + " characters"));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new LinkedHashMap<>(parameters);
    }

    /** The values as Jenkins receives them: text, numbers without a trailing ".0". */
    static Map<String, String> asText(Map<String, Object> parameters) {
        Map<String, String> text = new LinkedHashMap<>();
        parameters.forEach((name, value) -> text.put(name, value instanceof Number n
                ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : value.toString()));
        return text;
    }

    private static String kind(Object value) {
        return value instanceof Map ? "an object" : value instanceof List ? "a list" : value.getClass().getSimpleName();
    }
}
