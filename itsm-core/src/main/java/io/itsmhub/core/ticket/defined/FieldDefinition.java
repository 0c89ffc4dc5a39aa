package io.itsmhub.core.ticket.defined;

import java.util.List;

/**
 * One field of a ticket type defined as data: a text of at most {@code maxLength} characters, required or not, and
 * limited to {@code options} when they are given. Defining the type makes it a custom field of the type on the head
 * office ({@link io.itsmhub.core.field.CustomFields}), which checks its values.
 */
public record FieldDefinition(String name, String label, boolean required, int maxLength, List<String> options) {

    public FieldDefinition {
        if (name == null || !name.matches("[a-z][A-Za-z0-9]{0,39}")) {
            throw new IllegalArgumentException("a field name is camelCase, 1-40 letters or digits: " + name);
        }
        if (maxLength < 1 || maxLength > 4000) {
            throw new IllegalArgumentException("a field holds 1 to 4000 characters, not " + maxLength);
        }
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static FieldDefinition text(String name, String label, boolean required, int maxLength) {
        return new FieldDefinition(name, label, required, maxLength, List.of());
    }

    public static FieldDefinition choice(String name, String label, boolean required, List<String> options) {
        return new FieldDefinition(name, label, required, options.stream().mapToInt(String::length).max().orElse(1), options);
    }
}
