package io.itsmhub.core.satisfaction;

import java.time.Instant;

/** A rating as the API and the console show it; {@code comment} is null when none was given. */
public record RatingView(String ticket, int score, String comment, String rater, Instant ratedAt) {

    static RatingView of(Rating r) {
        return new RatingView(r.getTicketNumber(), r.getScore(), r.getComment(), r.getRater(), r.getRatedAt());
    }
}
