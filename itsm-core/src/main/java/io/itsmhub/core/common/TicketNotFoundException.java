package io.itsmhub.core.common;

/** A ticket (or other record addressed by a key) that does not exist; answered as 404. */
public class TicketNotFoundException extends RuntimeException {
    public TicketNotFoundException(String kind, String key) {
        super("%s %s does not exist".formatted(kind, key));
    }
}
