package io.itsmhub.hub.console.agent;

import io.itsmhub.core.common.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The API's request bodies ({@code ActionForms}) checked with the same constraints as its {@code @Valid}, so that
 * a form refused by the REST API is refused here too, with the field named as the API names it.
 */
@Component
class Forms {

    private final Validator validator;

    Forms(Validator validator) {
        this.validator = validator;
    }

    <T> T checked(T form) {
        Set<ConstraintViolation<T>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new InvalidInputException.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .toList());
        }
        return form;
    }

    /** An empty form field means "not given", as an absent JSON property does in the API. */
    static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
