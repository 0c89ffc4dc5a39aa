package io.itsmhub.hub.outbox;

import io.itsmhub.core.outbox.EventSubscriptions;
import io.itsmhub.core.outbox.EventTypes;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Every {@link OutboxSubscriber} bean, registered with the core at start so that each event they take gets a
 * publication per subscriber from then on. A subscriber naming a record that is not an event fails the start.
 */
@Component
public class OutboxSubscriptions {

    private final Map<String, OutboxSubscriber> byName;

    public OutboxSubscriptions(List<OutboxSubscriber> subscribers, EventSubscriptions registry, EventTypes types) {
        this.byName = subscribers.stream().collect(Collectors.toMap(OutboxSubscriber::subscriberName, Function.identity(),
                (a, b) -> { throw new IllegalStateException("two outbox subscribers are named " + a.subscriberName()); }));
        for (OutboxSubscriber subscriber : subscribers) {
            List<String> names = subscriber.events().stream().map(EventTypes::nameOf).toList();
            names.forEach(name -> types.type(name)); // fails for a record the core does not know as an event
            registry.register(subscriber.subscriberName(), names);
        }
    }

    public Map<String, OutboxSubscriber> subscribers() {
        return byName;
    }
}
