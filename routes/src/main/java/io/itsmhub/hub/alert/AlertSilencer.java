package io.itsmhub.hub.alert;

import io.itsmhub.connectors.ConnectorException;
import io.itsmhub.connectors.alertmanager.AlertmanagerClient;
import io.itsmhub.core.alert.AlertService;
import io.itsmhub.core.alert.AlertSettings;
import io.itsmhub.core.incident.IncidentEvents.IncidentResolved;
import io.itsmhub.core.incident.IncidentEvents.IncidentTransitioned;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.outbox.DeliveryEffects;
import io.itsmhub.core.incident.IncidentStatus;
import io.itsmhub.hub.outbox.Delivery;
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
    private final IncidentService incidents;
    private final DeliveryEffects effects;
    private final Clock clock;
    private final String publicUrl;

    AlertSilencer(AlertmanagerClient alertmanager, AlertService alerts, AlertSettings settings, IncidentService incidents, DeliveryEffects effects,
                  Clock clock, @Value("${hub.public-url:http://localhost:8080}") String publicUrl) {
        this.alertmanager = alertmanager;
        this.alerts = alerts;
        this.settings = settings;
        this.incidents = incidents;
        this.effects = effects;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /**
     * On IncidentResolved: silence the incident's firing alerts, unless they cleared by themselves — and unless the
     * incident is no longer resolved (reopened since: a late or replayed delivery must not silence a live alert).
     */
    void silence(IncidentResolved resolved, Delivery delivery) {
        if (!"alertmanager".equals(resolved.source()) || AlertService.CLEARED_AT_SOURCE.equals(resolved.resolutionCode())) {
            return;
        }
        String number = delivery.ticketNumber();
        IncidentStatus now = incidents.get(number).status();
        if (now != IncidentStatus.RESOLVED && now != IncidentStatus.CLOSED) {
            alerts.callSkipped(number, "create-silence", now);
            return;
        }
        for (Map<String, String> matchers : alerts.silenceTargets(number)) {
            Instant start = clock.instant();
            String comment = "Resolved in %s by %s: %s/api/v1/incidents/%s".formatted(number,
                    resolved.actor() == null ? "a person" : resolved.actor(), publicUrl, number);
            // a silence made by an earlier attempt whose database write then failed (a concurrent alert update) is
            // adopted, not made again: Alertmanager has no idempotency key of its own
            String key = delivery.idempotencyKey("silence:" + digest(matchers));
            long started = System.nanoTime();
            try {
                String id = effects.done(key).orElse(null);
                if (id == null && delivery.triedBefore()) {
                    id = madeBefore(number, matchers).orElse(null); // a hub died between Alertmanager's answer and ours
                }
                if (id == null) {
                    id = alertmanager.createSilence(matchers, start, start.plus(settings.silenceDuration()), CREATED_BY, comment);
                    effects.record(key, id);
                }
                alerts.silenced(number, matchers, id, millisSince(started), delivery.attempt());
            } catch (ConnectorException e) {
                alerts.callFailed(number, "create-silence", e.getMessage(), millisSince(started), delivery.attempt());
                throw e;
            }
        }
    }

    /**
     * On a reopen: expire the silences the resolution set, so the alert is seen again — those the incident recorded,
     * and any other the hub made for it that Alertmanager still holds active (a hub that died between Alertmanager's
     * answer and its own record left one unrecorded).
     */
    void expire(IncidentTransitioned transitioned, Delivery delivery) {
        if (!"reopen".equals(transitioned.action())) {
            return;
        }
        String number = delivery.ticketNumber();
        java.util.Set<String> silences = new java.util.LinkedHashSet<>(alerts.silencesOf(number));
        alerts.forIncident(number).stream().map(io.itsmhub.core.alert.AlertView::labels).distinct()
                .forEach(labels -> silences.addAll(madeFor(number, labels).toList()));
        for (String silence : silences) {
            long started = System.nanoTime();
            try {
                alertmanager.expireSilence(silence);
                alerts.silenceExpired(number, silence, millisSince(started), delivery.attempt());
            } catch (ConnectorException e) {
                alerts.callFailed(number, "expire-silence", e.getMessage(), millisSince(started), delivery.attempt());
                throw e;
            }
        }
    }

    /** An active silence this hub made for the incident and label set: searched first on a repeated delivery. */
    private java.util.Optional<String> madeBefore(String number, Map<String, String> matchers) {
        return madeFor(number, matchers).findFirst();
    }

    /** The active silences in Alertmanager that this hub made for the incident's resolution on {@code matchers}. */
    private java.util.stream.Stream<String> madeFor(String number, Map<String, String> matchers) {
        return alertmanager.silences(matchers).stream()
                .filter(s -> s.isActive() && CREATED_BY.equals(s.createdBy()) && s.equalMatchers().equals(matchers)
                        && s.comment() != null && s.comment().startsWith("Resolved in " + number + " "))
                .map(io.itsmhub.connectors.alertmanager.SilenceState::id);
    }

    /** A short stable name of a label set, for the idempotency key of its silence. */
    private static String digest(Map<String, String> matchers) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(new java.util.TreeMap<>(matchers).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
