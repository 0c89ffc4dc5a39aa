package io.itsmhub.core.ticket;

import java.time.Instant;

/** A ticket whose status follows a {@link Workflow}; what {@link TicketTransitions} needs to move it. */
public interface Stateful<S> {

    String getNumber();

    /** The desk whose variant of the workflow applies. */
    String getDeskCode();

    S getStatus();

    void setStatus(S status);

    void touch(Instant now);
}
