package io.itsmhub.core.ticket.defined;

import io.itsmhub.core.ticket.Workflow;
import java.util.List;
import java.util.Set;

/**
 * A ticket type as data: its name and number prefix, its workflow (states are names), the state a new ticket starts
 * in, the states that count as open (queues, SLA flags), and its fields. Declared as a bean, or given to
 * {@link DefinedTicketService#define} at run time.
 */
public record TicketTypeDefinition(String type, String prefix, String name, Workflow<String> workflow,
                                   String initialState, Set<String> openStates, List<FieldDefinition> fields) {

    public TicketTypeDefinition {
        if (type == null || !type.matches("[a-z][a-z0-9-]{1,29}")) {
            throw new IllegalArgumentException("a ticket type is 2-30 lower-case letters, digits or '-': " + type);
        }
        if (prefix == null || !prefix.matches("[A-Z]{2,5}")) {
            throw new IllegalArgumentException("a number prefix is 2-5 capitals: " + prefix);
        }
        if (!workflow.ticketType().equals(type)) {
            throw new IllegalArgumentException("the workflow of " + type + " is " + workflow.ticketType() + "'s");
        }
        if (!workflow.states().contains(initialState) || !workflow.states().containsAll(openStates)) {
            throw new IllegalArgumentException("the initial and open states of " + type + " must be states of its workflow");
        }
        openStates = Set.copyOf(openStates);
        fields = List.copyOf(fields);
    }

    public boolean isOpen(String state) {
        return openStates.contains(state);
    }
}
