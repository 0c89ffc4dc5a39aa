package io.itsmhub.hub.console.portal;

import io.itsmhub.core.request.catalog.FormField;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * Turns an order form's strings (fields named {@code f.<name>}) into the typed values the catalog's validator
 * expects: numbers, booleans, lists. Only what a browser can get wrong is checked here (a number that is not one);
 * every rule of the item's form is checked by the core when the order is submitted.
 */
record OrderValues(Map<String, Object> values, Map<String, String> errors) {

    static final String PREFIX = "f.";

    static OrderValues parse(List<FormField> schema, MultiValueMap<String, String> params) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FormField field : schema) {
            List<String> raw = params.getOrDefault(PREFIX + field.name(), List.of()).stream()
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            switch (field.type()) {
                case BOOLEAN -> values.put(field.name(), raw.contains("true"));
                case MULTI_CHOICE -> {
                    if (!raw.isEmpty() || field.required()) {
                        values.put(field.name(), raw);
                    }
                }
                case NUMBER -> {
                    if (!raw.isEmpty()) {
                        number(raw.get(0)).ifPresentOrElse(n -> values.put(field.name(), n),
                                () -> errors.put(field.name(), "portal.order.notNumber"));
                    }
                }
                default -> {
                    if (!raw.isEmpty()) {
                        values.put(field.name(), raw.get(0));
                    }
                }
            }
        }
        return new OrderValues(values, errors);
    }

    private static java.util.Optional<Number> number(String text) {
        try {
            BigDecimal n = new BigDecimal(text);
            return java.util.Optional.of(n.stripTrailingZeros().scale() <= 0 ? (Number) n.longValueExact() : n);
        } catch (NumberFormatException | ArithmeticException e) {
            return java.util.Optional.empty();
        }
    }
}
