package io.itsmhub.core.satisfaction;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Ratings are added and read, never changed or removed. */
interface RatingRepository extends Repository<Rating, Long> {

    Rating saveAndFlush(Rating rating);

    Optional<Rating> findByTicketNumber(String ticketNumber);
}
