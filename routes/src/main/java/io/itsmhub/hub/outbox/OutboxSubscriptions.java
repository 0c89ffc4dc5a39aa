package io.itsmhub.hub.outbox;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Which endpoints take which event types, collected from every {@link OutboxSubscriber} bean. */
@Component
public class OutboxSubscriptions {

    private final Map<String, List<String>> endpointsByType;

    public OutboxSubscriptions(List<OutboxSubscriber> subscribers) {
        this.endpointsByType = subscribers.stream()
                .flatMap(s -> s.eventTypes().stream().map(type -> Map.entry(type, s.endpointUri())))
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** Comma-separated endpoints for {@code type}; empty when nobody listens (the event is simply acknowledged). */
    public String endpointsFor(String type) {
        return String.join(",", endpointsByType.getOrDefault(type, List.of()));
    }
}
