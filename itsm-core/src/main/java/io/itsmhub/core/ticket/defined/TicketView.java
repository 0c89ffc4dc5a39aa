package io.itsmhub.core.ticket.defined;

import io.itsmhub.core.common.Priority;
import io.itsmhub.core.ticket.Stateful;
import io.itsmhub.core.ticket.Ticket;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Any ticket as the kernel sees it: what every type has. {@code allowedActions} are those of its desk's workflow for
 * a type defined as data, and empty for the built-in types (their own views list them).
 */
public record TicketView(String number, String type, String title, String description, String status, String desk,
                         Priority priority, String assignmentGroup, String assignee, String raisedBy,
                         Instant responseDue, Instant resolutionDue, boolean slaBreached, Map<String, String> attributes,
                         List<String> allowedActions, Instant createdAt, Instant updatedAt) {

    static TicketView of(Ticket t, List<String> allowedActions) {
        Object status = t instanceof Stateful<?> s ? s.getStatus() : null;
        String statusName = status instanceof Enum<?> e ? e.name() : status == null ? null : status.toString();
        return new TicketView(t.getNumber(), t.ticketType(), t.getTitle(), t.getDescription(), statusName,
                t.getDeskCode(), t.getPriority(), t.getAssignmentGroup(), t.getAssignee(), t.raisedBy(),
                t.getResponseDue(), t.getResolutionDue(), t.isSlaBreached(), t.getAttributes(), allowedActions,
                t.getCreatedAt(), t.getUpdatedAt());
    }
}
