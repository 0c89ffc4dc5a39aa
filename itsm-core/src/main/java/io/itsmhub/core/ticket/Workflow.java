package io.itsmhub.core.ticket;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A ticket type's lifecycle as data: named transitions, each from a set of states to one state.
 * Kept as a table (not if/else in services) so that per-desk workflow variations can later be loaded
 * from configuration and dry-run without touching the services.
 */
public final class Workflow<S extends Enum<S>> {

    public record Transition<S extends Enum<S>>(String action, Set<S> from, S to) { }

    private final String ticketType;
    private final Map<String, Transition<S>> transitions;

    private Workflow(String ticketType, Map<String, Transition<S>> transitions) {
        this.ticketType = ticketType;
        this.transitions = Collections.unmodifiableMap(transitions);
    }

    public static <S extends Enum<S>> Builder<S> of(String ticketType, Class<S> states) {
        return new Builder<>(ticketType, states);
    }

    /** The transition for {@code action} from {@code current}; throws 409-style if it is not allowed. */
    public Transition<S> check(String action, S current, String number) {
        Transition<S> transition = transitions.get(action);
        if (transition == null || !transition.from().contains(current)) {
            throw new IllegalTransitionException(number, ticketType, action, current.name(), allowedFrom(current));
        }
        return transition;
    }

    /** The actions possible from a state, in declaration order; shown to users and in 409 answers. */
    public List<String> allowedFrom(S current) {
        return transitions.values().stream().filter(t -> t.from().contains(current)).map(Transition::action).toList();
    }

    public static final class Builder<S extends Enum<S>> {
        private final String ticketType;
        private final Class<S> states;
        private final Map<String, Transition<S>> transitions = new LinkedHashMap<>();

        private Builder(String ticketType, Class<S> states) {
            this.ticketType = ticketType;
            this.states = states;
        }

        @SafeVarargs
        public final Builder<S> transition(String action, S to, S... from) {
            Set<S> sources = EnumSet.noneOf(states);
            sources.addAll(List.of(from));
            transitions.put(action, new Transition<>(action, sources, to));
            return this;
        }

        public Workflow<S> build() {
            return new Workflow<>(ticketType, new LinkedHashMap<>(transitions));
        }
    }
}
