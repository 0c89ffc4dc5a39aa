package io.itsmhub.core.field;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.parser.ParseException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Conditions of custom fields on the ticket's other fields ({@code category == "store"}, {@code amount > 1000}), in
 * EvalEx's expression language: arithmetic, comparison and boolean operators, no scripting and no access to anything
 * but the values given. A field without a value is the empty text.
 */
final class Conditions {

    private Conditions() { }

    /** Why {@code condition} cannot be used with fields {@code known}, or null if it can. */
    static String problem(String condition, Collection<String> known) {
        try {
            Expression expression = new Expression(condition);
            expression.validate();
            Set<String> unknown = new java.util.TreeSet<>(expression.getUsedVariables());
            unknown.removeAll(known);
            return unknown.isEmpty() ? null : "names no field " + String.join(", ", unknown);
        } catch (ParseException e) {
            return "is not a condition: " + e.getMessage();
        }
    }

    /** True when {@code condition} holds for {@code values}; a condition that cannot be evaluated does not hold. */
    static boolean holds(String condition, Map<String, String> values, Map<String, FieldType> types) {
        Expression expression = new Expression(condition);
        types.forEach((name, type) -> expression.with(name, value(values.get(name), type)));
        try {
            return expression.evaluate().getBooleanValue();
        } catch (EvaluationException | ParseException | RuntimeException e) {
            return false;
        }
    }

    private static Object value(String text, FieldType type) {
        if (text == null) {
            return "";
        }
        if (type == FieldType.NUMBER) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return type == FieldType.BOOLEAN ? Boolean.valueOf(text) : text;
    }
}
