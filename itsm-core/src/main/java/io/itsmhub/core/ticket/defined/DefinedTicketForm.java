package io.itsmhub.core.ticket.defined;

import io.itsmhub.core.common.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A new ticket of a type defined as data. {@code desk}: staff may place it on a desk they work on; otherwise routing
 * does. {@code attributes}: the type's fields, by name.
 */
public record DefinedTicketForm(@NotBlank @Size(max = 200) String title,
                                @Size(max = 10000) String description,
                                Priority priority,
                                @Size(max = 40) String desk,
                                @Size(max = 100) String assignmentGroup,
                                @Size(max = 100) String assignee,
                                @Size(max = 100) Map<String, String> attributes) { }
