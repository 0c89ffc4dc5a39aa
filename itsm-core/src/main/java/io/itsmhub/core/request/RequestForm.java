package io.itsmhub.core.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * An order from the catalog. {@code requestedFor} lets an agent order on someone's behalf. {@code currentPassword}
 * re-authenticates the caller for an order that needs it (a password reset for oneself); it is checked and dropped,
 * never stored or journaled.
 */
public record RequestForm(@NotBlank String catalogItem, @Size(max = 10000) String description,
                          Map<String, Object> values, String requestedFor, @Size(max = 1000) String currentPassword) {

    public RequestForm(String catalogItem, String description, Map<String, Object> values, String requestedFor) {
        this(catalogItem, description, values, requestedFor, null);
    }

    @Override
    public String toString() {
        return "RequestForm[catalogItem=%s, requestedFor=%s, values=%s, currentPassword=%s]".formatted(catalogItem,
                requestedFor, values, currentPassword == null ? null : "<secret>");
    }
}
