package io.itsmhub.core.ticket;

import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalMessage;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The one way a ticket changes status: check the action against the workflow (409 if not allowed), set the
 * new status, and write the journal line. The caller's transaction makes it atomic with the event it publishes.
 */
@Component
public class TicketTransitions {

    private final Journal journal;
    private final Clock clock;

    public TicketTransitions(Journal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /** Moves {@code ticket} by {@code action} with a person's note (or none) and returns the status it came from. */
    public <S> S move(Stateful<S> ticket, Workflow<S> workflow, String action, String actor, String note) {
        return move(ticket, workflow, action, actor, JournalMessage.text(note));
    }

    /**
     * Moves {@code ticket} by {@code action} — allowed by the workflow of the ticket's desk — with a note in the hub's
     * words (or none); the status it came from.
     */
    public <S> S move(Stateful<S> ticket, Workflow<S> workflow, String action, String actor,
                                      JournalMessage note) {
        S from = ticket.getStatus();
        S to = workflow.on(ticket.getDeskCode()).check(action, from, ticket.getNumber()).to();
        ticket.setStatus(to);
        ticket.touch(clock.instant());
        journal.transition(ticket.getNumber(), actor, action, from, to, note);
        return from;
    }
}
