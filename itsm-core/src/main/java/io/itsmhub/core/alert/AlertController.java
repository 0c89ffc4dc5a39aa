package io.itsmhub.core.alert;

import io.itsmhub.core.security.Roles;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    private final AlertService alerts;

    AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    /** The alerts behind an incident: occurrences, last seen, the silence set at the source, flapping. */
    @GetMapping
    @PreAuthorize(Roles.STAFF)
    List<AlertView> forIncident(@RequestParam String incident) {
        return alerts.forIncident(incident);
    }
}
