package io.itsmhub.core.alert;

import io.itsmhub.core.cmdb.CiClass;
import io.itsmhub.core.cmdb.CiView;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.incident.IncidentForm;
import io.itsmhub.core.common.Priority;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Reads an alert: its identity, its priority, its CI and service, and the incident text. */
@Component
class AlertMapping {

    private static final int MAX_IDENTITY = 200;

    private final AlertSettings settings;
    private final CmdbService cmdb;

    AlertMapping(AlertSettings settings, CmdbService cmdb) {
        this.settings = settings;
        this.cmdb = cmdb;
    }

    String identity(AlertNotification notification, AlertNotification.Alert alert) {
        String raw = switch (settings.identity()) {
            case FINGERPRINT -> alert.fingerprint() != null ? alert.fingerprint()
                    : "labels:" + canonical(alert.labels()); // Alertmanager always sends one; older senders may not
            case GROUP_KEY -> "group:" + notification.groupKey();
            case LABELS -> "labels:" + settings.identityLabels().stream()
                    .map(l -> l + "=" + Optional.ofNullable(alert.label(l)).orElse("")).collect(Collectors.joining(","));
        };
        return raw.length() <= MAX_IDENTITY ? raw : "sha256:" + sha256(raw);
    }

    /** The label set a silence must match: the alert's own labels, or the group's common labels. */
    Map<String, String> silenceMatchers(AlertNotification notification, AlertNotification.Alert alert) {
        return settings.identity() == AlertSettings.Identity.GROUP_KEY && notification.commonLabels() != null
                && !notification.commonLabels().isEmpty()
                ? new TreeMap<>(notification.commonLabels()) : new TreeMap<>(alert.labels());
    }

    Priority priority(AlertNotification.Alert alert) {
        String value = alert.label(settings.priorityLabel());
        return value == null ? settings.defaultPriority()
                : settings.priorities().getOrDefault(value.toLowerCase(), settings.defaultPriority());
    }

    Optional<CiView> affectedCi(AlertNotification.Alert alert) {
        for (String label : settings.ciLabels()) {
            String value = alert.label(label);
            if (value == null || value.isBlank()) {
                continue;
            }
            Optional<CiView> ci = cmdb.findByName(value);
            if (ci.isEmpty() && value.contains(":")) {
                ci = cmdb.findByName(value.substring(0, value.lastIndexOf(':'))); // "host:9100" names the host
            }
            if (ci.isPresent()) {
                return ci;
            }
        }
        return Optional.empty();
    }

    /** The service named by the alert, else the first service that depends on the affected CI. */
    Optional<CiView> service(AlertNotification.Alert alert, Optional<CiView> affected) {
        String named = alert.label(settings.serviceLabel());
        Optional<CiView> service = named == null ? Optional.empty()
                : cmdb.findByName(named).filter(ci -> ci.ciClass() == CiClass.SERVICE);
        if (service.isPresent() || affected.isEmpty()) {
            return service;
        }
        if (affected.get().ciClass() == CiClass.SERVICE) {
            return affected;
        }
        return cmdb.dependents(affected.get().number()).stream().filter(ci -> ci.ciClass() == CiClass.SERVICE).findFirst();
    }

    IncidentForm incident(AlertNotification notification, AlertNotification.Alert alert, String identity,
                          Optional<CiView> ci, Optional<CiView> service) {
        Priority priority = priority(alert);
        Priority.Level[] levels = levels(priority);
        return new IncidentForm(title(alert), description(notification, alert, ci.isEmpty()), levels[0], levels[1],
                null, null, null, ci.map(CiView::number).orElse(null), service.map(CiView::number).orElse(null),
                "alertmanager", identity);
    }

    private String title(AlertNotification.Alert alert) {
        Map<String, String> annotations = alert.annotations() == null ? Map.of() : alert.annotations();
        String title = annotations.getOrDefault("summary", Optional.ofNullable(alert.label("alertname")).orElse("Alert")
                + Optional.ofNullable(alert.label("instance")).map(i -> " on " + i).orElse(""));
        return title.length() <= 200 ? title : title.substring(0, 199) + "…";
    }

    private String description(AlertNotification notification, AlertNotification.Alert alert, boolean ciUnknown) {
        StringBuilder text = new StringBuilder();
        // first, so that the cut of a long description below never hides that something was cut
        Optional.ofNullable(alert.annotations()).map(a -> a.get(AlertSanitizer.TRUNCATED_ANNOTATION))
                .ifPresent(t -> text.append("Truncated by the hub: ").append(t).append("\n\n"));
        Optional.ofNullable(alert.annotations()).map(a -> a.get("description")).ifPresent(d -> text.append(d).append("\n\n"));
        text.append("Labels: ").append(canonical(alert.labels())).append('\n');
        if (alert.generatorURL() != null) {
            text.append("Source: ").append(alert.generatorURL()).append('\n');
        }
        if (notification.externalURL() != null) {
            String filter = "{alertname=\"" + Optional.ofNullable(alert.label("alertname")).orElse("") + "\"}";
            text.append("Alertmanager: ").append(notification.externalURL()).append("/#/alerts?filter=")
                    .append(URLEncoder.encode(filter, StandardCharsets.UTF_8)).append('\n');
        }
        if (ciUnknown) {
            text.append("CI unknown: no CI in the CMDB matches the labels ").append(settings.ciLabels()).append('\n');
        }
        return text.length() <= 10000 ? text.toString() : text.substring(0, 9999) + "…";
    }

    /** Impact × urgency that yield the mapped priority (the incident derives its priority from them). */
    private static Priority.Level[] levels(Priority priority) {
        return switch (priority) {
            case P1 -> new Priority.Level[] {Priority.Level.HIGH, Priority.Level.HIGH};
            case P2 -> new Priority.Level[] {Priority.Level.HIGH, Priority.Level.MEDIUM};
            case P3 -> new Priority.Level[] {Priority.Level.MEDIUM, Priority.Level.MEDIUM};
            case P4 -> new Priority.Level[] {Priority.Level.LOW, Priority.Level.LOW};
        };
    }

    private static String canonical(Map<String, String> labels) {
        return labels == null ? "" : new TreeMap<>(labels).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
