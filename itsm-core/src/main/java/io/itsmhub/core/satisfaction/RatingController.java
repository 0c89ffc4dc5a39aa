package io.itsmhub.core.satisfaction;

import io.itsmhub.core.common.TicketNotFoundException;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** No role check here: who may rate is a rule about the ticket (its caller or requester), which the service holds. */
@RestController
@RequestMapping("/api/v1/ratings")
class RatingController {

    private final SatisfactionService satisfaction;

    RatingController(SatisfactionService satisfaction) {
        this.satisfaction = satisfaction;
    }

    @PostMapping
    ResponseEntity<RatingView> rate(@Valid @RequestBody RatingForm form) {
        RatingView rating = satisfaction.rate(form.ticket(), form.score(), form.comment());
        return ResponseEntity.created(URI.create("/api/v1/ratings/" + rating.ticket())).body(rating);
    }

    @GetMapping("/{ticket}")
    RatingView get(@PathVariable String ticket) {
        return satisfaction.ratingOf(ticket).orElseThrow(() -> new TicketNotFoundException("rating of", ticket));
    }
}
