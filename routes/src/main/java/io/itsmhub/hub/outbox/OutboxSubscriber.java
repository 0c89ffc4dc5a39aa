package io.itsmhub.hub.outbox;

import java.util.Set;

/**
 * A flow that acts on outbox events: its stable name (its deliveries are stored, retried, parked and replayed under
 * it), the event records it takes, and the {@code direct:} endpoint that takes them. The endpoint receives the event
 * record as its body and the {@link Delivery} as the exchange property {@link Delivery#PROPERTY}.
 */
public interface OutboxSubscriber {

    String subscriberName();

    Set<Class<? extends Record>> events();

    String endpointUri();

    /**
     * Whether a ticket's events reach this subscriber one after the other (the default): needed where a later event
     * undoes or depends on an earlier one. A subscriber of independent deliveries (one message each) says false, so
     * that one failing message holds none of its ticket's others back.
     */
    default boolean orderedPerTicket() {
        return true;
    }
}
