package io.itsmhub.core.ticket;

/** An action the caller's role or relation to the ticket does not permit (e.g. approving one's own request); 403. */
public class ForbiddenActionException extends RuntimeException {
    public ForbiddenActionException(String message) {
        super(message);
    }
}
