package io.itsmhub.core.security;


import io.itsmhub.core.audit.SecurityEvents;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SecurityEventController {

    private final SecurityEvents events;

    SecurityEventController(SecurityEvents events) {
        this.events = events;
    }

    @GetMapping("/api/v1/security/events")
    @PreAuthorize(Roles.ADMIN)
    List<SecurityEvents.View> recent() {
        return events.recent();
    }
}
