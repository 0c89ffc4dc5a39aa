package io.itsmhub.core.common;

import java.util.List;

/**
 * Input that is well-formed but wrong (an unknown assignee, a form value out of range); answered as 400
 * with one entry per offending field so that a form can show the message next to the field.
 */
public class InvalidInputException extends RuntimeException {

    public record FieldError(String field, String message) { }

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() { return errors; }
}
