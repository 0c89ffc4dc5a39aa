package io.itsmhub.core.ticket.defined;

import io.itsmhub.core.common.InvalidInputException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The ticket types defined as data, from beans at start and {@link #define} later; prefixes are unique. */
@Component
public class TicketTypes {

    /** The prefixes of the built-in types, which a defined type cannot take. */
    private static final List<String> BUILT_IN = List.of("INC", "REQ", "CHG", "PRB", "CI");

    private final Map<String, TicketTypeDefinition> byType = new ConcurrentHashMap<>();

    TicketTypes(List<TicketTypeDefinition> declared) {
        declared.forEach(this::define);
    }

    /** Adds or replaces a type; refuses a prefix that another type (built in or defined) already numbers with. */
    synchronized void define(TicketTypeDefinition definition) {
        boolean taken = BUILT_IN.contains(definition.prefix()) || byType.values().stream()
                .anyMatch(d -> d.prefix().equals(definition.prefix()) && !d.type().equals(definition.type()));
        if (taken) {
            throw new IllegalArgumentException("the prefix " + definition.prefix() + " numbers another ticket type");
        }
        byType.put(definition.type(), definition);
    }

    public TicketTypeDefinition get(String type) {
        TicketTypeDefinition definition = byType.get(type);
        if (definition == null) {
            throw InvalidInputException.of("type", "no ticket type " + type);
        }
        return definition;
    }

    public Collection<TicketTypeDefinition> all() {
        return List.copyOf(byType.values());
    }
}
