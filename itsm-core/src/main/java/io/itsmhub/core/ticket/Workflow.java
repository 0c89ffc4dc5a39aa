package io.itsmhub.core.ticket;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A ticket type's lifecycle as data: named transitions, each from a set of states to one state. Kept as a table (not
 * if/else in services) so that it can be loaded from configuration and dry-run without touching the services.
 * Keyed by (ticket type, desk): a desk may run a variant of its type's workflow ({@link #useOn}); a ticket moves by
 * the workflow {@link #on its desk}, the type's own where the desk has none.
 *
 * @param <S> the states: an enum for the built-in types, strings for types defined as data
 */
public final class Workflow<S> {

    public record Transition<S>(String action, Set<S> from, S to) { }

    private final String ticketType;
    private final Map<String, Transition<S>> transitions;
    private final Map<String, Workflow<S>> byDesk = new ConcurrentHashMap<>();

    private Workflow(String ticketType, Map<String, Transition<S>> transitions) {
        this.ticketType = ticketType;
        this.transitions = Collections.unmodifiableMap(transitions);
    }

    public static <S extends Enum<S>> Builder<S> of(String ticketType, Class<S> states) {
        return new Builder<>(ticketType);
    }

    /** A workflow whose states are names (a ticket type defined as data). */
    public static Builder<String> of(String ticketType) {
        return new Builder<>(ticketType);
    }

    public String ticketType() {
        return ticketType;
    }

    /** The workflow tickets of {@code desk} follow: the desk's variant, or this one. */
    public Workflow<S> on(String desk) {
        return desk == null ? this : byDesk.getOrDefault(desk, this);
    }

    /** Makes {@code variant} the workflow of this type's tickets on {@code desk} (same states, other transitions). */
    public void useOn(String desk, Workflow<S> variant) {
        if (!variant.ticketType.equals(ticketType)) {
            throw new IllegalArgumentException("a variant of " + ticketType + " cannot be a " + variant.ticketType + " workflow");
        }
        byDesk.put(desk, variant);
    }

    /** Back to the type's own workflow on {@code desk}. */
    public void dropVariant(String desk) {
        byDesk.remove(desk);
    }

    /** The transition for {@code action} from {@code current}; throws 409-style if it is not allowed. */
    public Transition<S> check(String action, S current, String number) {
        Transition<S> transition = transitions.get(action);
        if (transition == null || !transition.from().contains(current)) {
            throw new IllegalTransitionException(number, ticketType, action, name(current), allowedFrom(current));
        }
        return transition;
    }

    /** The actions possible from a state, in declaration order; shown to users and in 409 answers. */
    public List<String> allowedFrom(S current) {
        return transitions.values().stream().filter(t -> t.from().contains(current)).map(Transition::action).toList();
    }

    /** Every state a transition leads to or from, in declaration order. */
    public Set<S> states() {
        Set<S> states = new LinkedHashSet<>();
        transitions.values().forEach(t -> {
            states.addAll(t.from());
            states.add(t.to());
        });
        return states;
    }

    static String name(Object state) {
        return state instanceof Enum<?> e ? e.name() : String.valueOf(state);
    }

    public static final class Builder<S> {
        private final String ticketType;
        private final Map<String, Transition<S>> transitions = new LinkedHashMap<>();

        private Builder(String ticketType) {
            this.ticketType = ticketType;
        }

        @SafeVarargs
        public final Builder<S> transition(String action, S to, S... from) {
            transitions.put(action, new Transition<>(action, Set.copyOf(List.of(from)), to));
            return this;
        }

        public Workflow<S> build() {
            return new Workflow<>(ticketType, new LinkedHashMap<>(transitions));
        }
    }
}
