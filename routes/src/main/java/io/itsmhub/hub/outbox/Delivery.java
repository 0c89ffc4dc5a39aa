package io.itsmhub.hub.outbox;

import io.itsmhub.core.outbox.Publication;
import org.apache.camel.Exchange;

/**
 * What a subscriber's endpoint knows of the delivery it handles besides the event: which ticket, which attempt (1 for
 * the first), whether it may have been tried before (a failure, or a hub that died holding it), and the idempotency key of the side effects it makes — the publication's id, the same for every
 * redelivery of this event to this subscriber and different for every other subscriber.
 */
public record Delivery(String publicationId, String eventId, String subscriber, String ticketNumber, int attempt,
                       boolean triedBefore) {

    public static final String PROPERTY = "hub.delivery";

    static Delivery of(Publication publication) {
        return new Delivery(publication.id(), publication.eventId(), publication.subscriber(),
                publication.ticketNumber(), publication.attempts() + 1, publication.triedBefore());
    }

    /** The key of one side effect of this delivery, e.g. {@code idempotencyKey("silence")}. */
    public String idempotencyKey(String effect) {
        return publicationId + ":" + effect;
    }

    public static Delivery of(Exchange exchange) {
        Delivery delivery = exchange.getProperty(PROPERTY, Delivery.class);
        if (delivery == null) {
            throw new IllegalStateException("an outbox subscriber's endpoint was called without a delivery");
        }
        return delivery;
    }
}
