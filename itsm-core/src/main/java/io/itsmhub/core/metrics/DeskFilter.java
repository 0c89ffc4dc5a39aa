package io.itsmhub.core.metrics;

import io.itsmhub.core.desk.DeskScope;
import java.util.List;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The desk condition of the metrics queries, built here and nowhere else: figures count only the tickets of the desks
 * the caller sees ({@code TicketAccess#scope}). A fragment starts with {@code " AND"} and is appended to a query's
 * {@code WHERE}; for a caller who sees every desk it is empty, so that the query is exactly the one without desks
 * (the head office's dashboard pays for no filter).
 */
record DeskFilter(DeskScope scope) {

    /** The named parameter the fragments use, bound by {@link #bind}. */
    private static final String DESKS = "desks";

    /** {@code " AND <alias>.desk_code IN (:desks)"} on the ticket table aliased {@code alias}. */
    String on(String alias) {
        if (scope.all()) {
            return "";
        }
        // "IN ()" is not SQL: no desk at all is a condition no row meets
        return scope.desks().isEmpty() ? " AND 1 = 0" : " AND " + alias + ".desk_code IN (:" + DESKS + ")";
    }

    /**
     * The condition on a satisfaction rating (aliased {@code rating}), which has no desk of its own: the ticket it
     * rates must be on a desk seen. Only incidents and requests are rated (SatisfactionService), so those two tables.
     */
    String onRatedTicket(String rating) {
        if (scope.all()) {
            return "";
        }
        return (" AND (EXISTS (SELECT 1 FROM incident ri WHERE ri.number = %1$s.ticket_number%2$s)"
                + " OR EXISTS (SELECT 1 FROM service_request rq WHERE rq.number = %1$s.ticket_number%3$s))")
                .formatted(rating, on("ri"), on("rq"));
    }

    /** {@code parameters} with the desks the fragments name (nothing when they name none). */
    MapSqlParameterSource bind(MapSqlParameterSource parameters) {
        if (scope.all() || scope.desks().isEmpty()) {
            return parameters;
        }
        // in code order, so that one scope always binds the same way
        return parameters.addValue(DESKS, List.copyOf(new TreeSet<>(scope.desks())));
    }
}
