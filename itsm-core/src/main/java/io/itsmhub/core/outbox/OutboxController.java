package io.itsmhub.core.outbox;

import io.itsmhub.core.security.Roles;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of delivery: what a ticket emitted and who took it, and the dead letters — one subscriber's
 * delivery of an event that kept failing (or was refused) and was parked — with replay of that delivery alone.
 */
@RestController
@RequestMapping("/api/v1")
class OutboxController {

    private final OutboxConsumer consumer;

    OutboxController(OutboxConsumer consumer) {
        this.consumer = consumer;
    }

    @GetMapping("/integrations/dead-letters")
    @PreAuthorize(Roles.ADMIN)
    List<Publication> parked(@RequestParam(required = false) String subscriber) {
        return consumer.parked(subscriber);
    }

    @PostMapping("/integrations/dead-letters/{id}/replay")
    @PreAuthorize(Roles.ADMIN)
    Publication replay(@PathVariable String id) {
        consumer.replay(id);
        return consumer.find(id);
    }

    /** How many deliveries wait and how many are parked, in all and per subscriber. */
    @GetMapping("/integrations/backlog")
    @PreAuthorize(Roles.ADMIN)
    OutboxConsumer.Backlog backlog() {
        return consumer.backlog();
    }

    @GetMapping(path = "/events", params = "ticket")
    @PreAuthorize(Roles.STAFF)
    List<OutboxEvent> forTicket(@RequestParam String ticket) {
        return consumer.forTicket(ticket);
    }
}
