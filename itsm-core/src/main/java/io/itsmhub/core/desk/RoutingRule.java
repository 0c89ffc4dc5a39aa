package io.itsmhub.core.desk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Places a new ticket on {@code desk} when every condition it states matches (a null condition matches anything):
 * the ticket type, the requester's department and location, the category (a catalog item's), the CI's service.
 */
public record RoutingRule(@Size(max = 30) String ticketType, @Size(max = 100) String department,
                          @Size(max = 100) String location, @Size(max = 100) String category,
                          @Size(max = 20) String service, @NotBlank @Size(max = 40) String desk) {

    boolean matches(RoutingFacts facts) {
        return is(ticketType, facts.ticketType()) && is(department, facts.department())
                && is(location, facts.location()) && is(category, facts.category()) && is(service, facts.service());
    }

    private static boolean is(String condition, String fact) {
        return condition == null || condition.equals(fact);
    }
}
