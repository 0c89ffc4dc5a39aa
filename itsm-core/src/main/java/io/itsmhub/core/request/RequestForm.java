package io.itsmhub.core.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** An order from the catalog. {@code requestedFor} lets an agent order on someone's behalf. */
public record RequestForm(@NotBlank String catalogItem, @Size(max = 10000) String description,
                          Map<String, Object> values, String requestedFor) { }
