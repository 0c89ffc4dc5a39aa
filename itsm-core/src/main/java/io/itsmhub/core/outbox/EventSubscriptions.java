package io.itsmhub.core.outbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which subscribers take which events, by stable event name. The hub's routes register their subscribers at start;
 * {@link Outbox#publish} then writes one publication per subscriber of the event, in the event's transaction, so a
 * subscriber's delivery exists exactly when the event does and is retried, parked and replayed on its own.
 */
@Component
public class EventSubscriptions {

    private final Map<String, Set<String>> subscribersByEvent = new ConcurrentHashMap<>();
    private final Set<String> subscribers = ConcurrentHashMap.newKeySet();

    /** Registers {@code subscriber} (a stable name: its publications are stored under it) for {@code eventNames}. */
    public void register(String subscriber, Collection<String> eventNames) {
        if (subscriber == null || !subscriber.matches("[a-z][a-z0-9-]{1,59}")) {
            throw new IllegalArgumentException("a subscriber name is 2-60 lower-case letters, digits or '-': " + subscriber);
        }
        if (!subscribers.add(subscriber)) {
            throw new IllegalStateException("two subscribers are named " + subscriber);
        }
        eventNames.forEach(event -> subscribersByEvent
                .computeIfAbsent(event, e -> new TreeSet<>()).add(subscriber));
    }

    /** The subscribers of {@code eventName}, in a stable order; none means nobody acts on it. */
    public List<String> subscribersOf(String eventName) {
        Set<String> found = subscribersByEvent.get(eventName);
        return found == null ? List.of() : List.copyOf(found);
    }

    public Set<String> subscribers() {
        return Set.copyOf(subscribers);
    }
}
