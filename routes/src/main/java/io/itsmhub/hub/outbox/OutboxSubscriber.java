package io.itsmhub.hub.outbox;

import java.util.Set;

/** A route that wants outbox events: which types, and the {@code direct:} endpoint that takes them. */
public interface OutboxSubscriber {

    Set<String> eventTypes();

    String endpointUri();
}
