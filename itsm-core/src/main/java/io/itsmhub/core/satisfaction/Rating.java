package io.itsmhub.core.satisfaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A ticket's rating. Immutable: a rating is given once and never edited. The id is generated rather than the ticket
 * number so that saving always inserts; an assigned key would let a second save silently overwrite the first.
 */
@Entity
@Immutable
@Table(name = "satisfaction_rating")
class Rating {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_number", nullable = false, unique = true, length = 20)
    private String ticketNumber;

    @Column(nullable = false)
    private int score;

    @Column(length = 2000)
    private String comment;

    @Column(nullable = false, length = 100)
    private String rater;

    @Column(name = "rated_at", nullable = false)
    private Instant ratedAt;

    protected Rating() { }

    Rating(String ticketNumber, int score, String comment, String rater, Instant ratedAt) {
        this.ticketNumber = ticketNumber;
        this.score = score;
        this.comment = comment;
        this.rater = rater;
        this.ratedAt = ratedAt;
    }

    String getTicketNumber() { return ticketNumber; }
    int getScore() { return score; }
    String getComment() { return comment; }
    String getRater() { return rater; }
    Instant getRatedAt() { return ratedAt; }
}
