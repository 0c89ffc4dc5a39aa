package io.itsmhub.core.request.catalog;

import io.itsmhub.core.common.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks submitted values against a form schema; every error names its field as {@code values.<name>}. */
public final class FormValidator {
    private FormValidator() { }

    public static List<FieldError> validate(List<FormField> schema, Map<String, Object> values) {
        Map<String, Object> submitted = values == null ? Map.of() : values;
        List<FieldError> errors = new ArrayList<>();
        Set<String> known = schema.stream().map(FormField::name).collect(Collectors.toSet());
        submitted.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> errors.add(new FieldError("values." + k, "unknown field")));
        for (FormField field : schema) {
            Object value = submitted.get(field.name());
            String path = "values." + field.name();
            if (value == null || (value instanceof String s && s.isBlank())
                    || (value instanceof Collection<?> c && c.isEmpty())) {
                if (field.required()) {
                    errors.add(new FieldError(path, "is required"));
                }
                continue;
            }
            String problem = check(field, value);
            if (problem != null) {
                errors.add(new FieldError(path, problem));
            }
        }
        return errors;
    }

    private static String check(FormField field, Object value) {
        return switch (field.type()) {
            case TEXT -> value instanceof String s ? bounds(field, BigDecimal.valueOf(s.length()), "characters") : "must be text";
            case NUMBER -> value instanceof Number n ? bounds(field, new BigDecimal(n.toString()), null) : "must be a number";
            case BOOLEAN -> value instanceof Boolean ? null : "must be true or false";
            case CHOICE -> value instanceof String s && choices(field).contains(s) ? null
                    : "must be one of " + choices(field);
            case MULTI_CHOICE -> multiChoice(field, value);
        };
    }

    private static String multiChoice(FormField field, Object value) {
        if (!(value instanceof Collection<?> picked)) {
            return "must be a list of " + choices(field);
        }
        List<?> unknown = picked.stream().filter(p -> !choices(field).contains(p)).toList();
        if (!unknown.isEmpty()) {
            return unknown + " not among " + choices(field);
        }
        if (picked.size() != Set.copyOf(picked).size()) {
            return "lists a choice twice";
        }
        return bounds(field, BigDecimal.valueOf(picked.size()), "choices");
    }

    private static String bounds(FormField field, BigDecimal measure, String unit) {
        String suffix = unit == null ? "" : " " + unit;
        if (field.min() != null && measure.compareTo(field.min()) < 0) {
            return "must be at least " + field.min().toPlainString() + suffix;
        }
        if (field.max() != null && measure.compareTo(field.max()) > 0) {
            return "must be at most " + field.max().toPlainString() + suffix;
        }
        return null;
    }

    private static List<String> choices(FormField field) {
        return field.choices() == null ? List.of() : field.choices();
    }
}
