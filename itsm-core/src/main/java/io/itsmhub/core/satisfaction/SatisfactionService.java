package io.itsmhub.core.satisfaction;

import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.incident.IncidentStatus;
import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.outbox.Outbox;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.RequestStatus;
import io.itsmhub.core.request.RequestView;
import io.itsmhub.core.satisfaction.SatisfactionEvents.TicketRated;
import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.common.ConflictException;
import io.itsmhub.core.common.ForbiddenActionException;
import io.itsmhub.core.common.InvalidInputException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of ratings. The ticket is read through its own service, so that a ticket the caller may not see
 * answers as it does everywhere else (404, or 403 for a requester's ticket that is someone else's).
 */
@Service
@Transactional
public class SatisfactionService {

    static final int MAX_COMMENT = 2000;

    private final RatingRepository ratings;
    private final IncidentService incidents;
    private final RequestService requests;
    private final Journal journal;
    private final Outbox outbox;
    private final CurrentUser currentUser;
    private final Clock clock;

    SatisfactionService(RatingRepository ratings, IncidentService incidents, RequestService requests, Journal journal,
                        Outbox outbox, CurrentUser currentUser, Clock clock) {
        this.ratings = ratings;
        this.incidents = incidents;
        this.requests = requests;
        this.journal = journal;
        this.outbox = outbox;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * The current user rates {@code ticketNumber} (INC-… or REQ-…) {@code score} out of 5. Only the person the
     * ticket was for rates it, not an agent or an admin on their behalf: the score is meant to be their own word.
     * 400 for a score outside 1–5, a comment over 2000 characters or another kind of ticket; 403 for anyone but the
     * caller or requester; 409 before the ticket is resolved and for a second rating.
     */
    public RatingView rate(String ticketNumber, int score, String comment) {
        if (score < 1 || score > 5) {
            throw InvalidInputException.of("score", "must be from 1 to 5, not " + score);
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw InvalidInputException.of("comment", "at most %d characters (%d given)".formatted(MAX_COMMENT, text.length()));
        }
        RatedTicket ticket = load(ticketNumber);
        String rater = currentUser.username();
        if (!rater.equals(ticket.owner())) {
            throw new ForbiddenActionException("only %s, whom %s was for, rates it".formatted(ticket.owner(), ticket.number()));
        }
        if (!ticket.resolved()) {
            throw new ConflictException("Not resolved yet", "%s is %s; it can be rated once it is %s"
                    .formatted(ticket.number(), ticket.status(), ticket.resolvedStates()));
        }
        Optional<Rating> earlier = ratings.findByTicketNumber(ticket.number());
        if (earlier.isPresent()) {
            throw alreadyRated(earlier.get());
        }
        Rating rating;
        try {
            rating = ratings.saveAndFlush(new Rating(ticket.number(), score, text, rater, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            // the same requester rating twice at the same moment (a double click): the other call won
            throw new ConflictException("Already rated", ticket.number() + " was rated a moment ago; a ticket is rated once");
        }
        journal.publicNote(ticket.number(), rater, text == null ? JournalMessage.of(JournalKeys.RATING, score)
                : JournalMessage.of(JournalKeys.RATING_WITH_COMMENT, score, text));
        outbox.publish(ticket.number(), new TicketRated(ticket.number(), score, rater));
        return RatingView.of(rating);
    }

    /** The rating of a ticket the caller may see; empty while it is not rated. 404 when the ticket does not exist. */
    @Transactional(readOnly = true)
    public Optional<RatingView> ratingOf(String ticketNumber) {
        RatedTicket ticket = load(ticketNumber);
        return ratings.findByTicketNumber(ticket.number()).map(RatingView::of);
    }

    private static ConflictException alreadyRated(Rating rating) {
        return new ConflictException("Already rated", "%s was already rated %d/5 by %s at %s; a ticket is rated once"
                .formatted(rating.getTicketNumber(), rating.getScore(), rating.getRater(), rating.getRatedAt()));
    }

    /** Who a ticket was for and whether it is resolved, whichever kind it is. */
    private record RatedTicket(String number, String owner, String status, boolean resolved, String resolvedStates) { }

    private RatedTicket load(String number) {
        if (number == null || number.isBlank()) {
            throw InvalidInputException.of("ticket", "must not be blank");
        }
        if (number.startsWith("INC-")) {
            IncidentView incident = incidents.get(number);
            return new RatedTicket(number, incident.caller(), incident.status().name(),
                    incident.status() == IncidentStatus.RESOLVED || incident.status() == IncidentStatus.CLOSED,
                    "RESOLVED or CLOSED");
        }
        if (number.startsWith("REQ-")) {
            // FULFILLED is a request's only end that delivered something; it has no separate CLOSED state.
            RequestView request = requests.get(number);
            return new RatedTicket(number, request.requester(), request.status().name(),
                    request.status() == RequestStatus.FULFILLED, "FULFILLED");
        }
        throw InvalidInputException.of("ticket", "'" + number + "' is neither an incident (INC-…) nor a request (REQ-…)");
    }
}
