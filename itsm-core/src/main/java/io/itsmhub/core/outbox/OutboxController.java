package io.itsmhub.core.outbox;

import io.itsmhub.core.security.Roles;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of the outbox: what a ticket emitted, and the dead letters — events whose outbound call
 * kept failing (or was refused) and were parked — with replay.
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
    List<OutboxEvent> parked() {
        return consumer.parked();
    }

    @PostMapping("/integrations/dead-letters/{id}/replay")
    @PreAuthorize(Roles.ADMIN)
    OutboxEvent replay(@PathVariable String id) {
        consumer.replay(id);
        return consumer.find(id);
    }

    /** How many events wait for delivery and how many are parked. */
    @GetMapping("/integrations/backlog")
    @PreAuthorize(Roles.ADMIN)
    java.util.Map<String, Long> backlog() {
        return consumer.backlog();
    }

    @GetMapping(path = "/events", params = "ticket")
    @PreAuthorize(Roles.STAFF)
    List<OutboxEvent> forTicket(@org.springframework.web.bind.annotation.RequestParam String ticket) {
        return consumer.forTicket(ticket);
    }
}
