package io.itsmhub.hub.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.connectors.ConnectorException;
import io.itsmhub.connectors.alertmanager.AlertmanagerClient;
import io.itsmhub.core.alert.AlertService;
import io.itsmhub.core.alert.AlertSettings;
import io.itsmhub.core.outbox.OutboxEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The two calls the monitoring loop makes to Alertmanager, each timed and journaled on its incident:
 * a silence when a person resolves an alert's incident, its expiry when the incident is reopened.
 */
@Component
class AlertSilencer {

    static final String CREATED_BY = "itsm-hub";

    private final AlertmanagerClient alertmanager;
    private final AlertService alerts;
    private final AlertSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final String publicUrl;

    AlertSilencer(AlertmanagerClient alertmanager, AlertService alerts, AlertSettings settings, ObjectMapper json,
                  Clock clock, @Value("${hub.public-url:http://localhost:8080}") String publicUrl) {
        this.alertmanager = alertmanager;
        this.alerts = alerts;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** On IncidentResolved: silence the incident's firing alerts, unless they cleared by themselves. */
    void silence(OutboxEvent event) throws IOException {
        JsonNode payload = json.readTree(event.payload());
        if (!"alertmanager".equals(payload.path("source").asText())
                || AlertService.CLEARED_AT_SOURCE.equals(payload.path("resolutionCode").asText())) {
            return;
        }
        String number = event.ticketNumber();
        for (Map<String, String> matchers : alerts.silenceTargets(number)) {
            Instant now = clock.instant();
            String comment = "Resolved in %s by %s: %s/api/v1/incidents/%s".formatted(number,
                    payload.path("actor").asText("a person"), publicUrl, number);
            long started = System.nanoTime();
            try {
                String id = alertmanager.createSilence(matchers, now, now.plus(settings.silenceDuration()), CREATED_BY, comment);
                alerts.silenced(number, matchers, id, millisSince(started), event.attempts());
            } catch (ConnectorException e) {
                alerts.callFailed(number, "create-silence", e.getMessage(), millisSince(started), event.attempts());
                throw e;
            }
        }
    }

    /** On a reopen: expire the silences the resolution set, so the alert is seen again. */
    void expire(OutboxEvent event) throws IOException {
        if (!"reopen".equals(json.readTree(event.payload()).path("action").asText())) {
            return;
        }
        String number = event.ticketNumber();
        for (String silence : alerts.silencesOf(number)) {
            long started = System.nanoTime();
            try {
                alertmanager.expireSilence(silence);
                alerts.silenceExpired(number, silence, millisSince(started), event.attempts());
            } catch (ConnectorException e) {
                alerts.callFailed(number, "expire-silence", e.getMessage(), millisSince(started), event.attempts());
                throw e;
            }
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
