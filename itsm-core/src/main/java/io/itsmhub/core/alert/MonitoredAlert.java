package io.itsmhub.core.alert;

import com.fasterxml.jackson.core.type.TypeReference;
import io.itsmhub.core.common.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An alert identity and the incident it currently feeds. */
@Entity
@Table(name = "monitored_alert")
public class MonitoredAlert {

    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Instant>> INSTANTS = new TypeReference<>() { };

    public enum Status { FIRING, RESOLVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 500)
    private String identity;

    @Column(length = 100)
    private String fingerprint;

    @Column(name = "alert_name", length = 200)
    private String alertName;

    @Column(nullable = false, length = 20000)
    private String labels;

    @Column(length = 100000)
    private String annotations;

    @Column(nullable = false, length = 10)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;

    @Column(name = "incident_number", nullable = false, length = 20)
    private String incidentNumber;

    @Column(name = "previous_incident", length = 20)
    private String previousIncident;

    @Column(nullable = false)
    private int occurrences;

    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    @Column(name = "starts_at")
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    @Column(name = "generator_url", length = 2000)
    private String generatorUrl;

    @Column(name = "external_url", length = 2000)
    private String externalUrl;

    @Column(name = "silence_id", length = 100)
    private String silenceId;

    @Column(name = "ci_unknown", nullable = false)
    private boolean ciUnknown;

    @Column(nullable = false)
    private boolean flapping;

    /** When the alert last went firing ↔ cleared, within the flap window; JSON, a handful of entries at most. */
    @Column(name = "state_changes", nullable = false, length = 4000)
    private String stateChanges = "[]";

    @Version
    private Long version;

    protected MonitoredAlert() { }

    MonitoredAlert(String identity, String incidentNumber, Instant now) {
        this.identity = identity;
        this.incidentNumber = incidentNumber;
        this.firstSeen = now;
        this.status = Status.FIRING;
    }

    /**
     * Takes what the latest delivery says about the alert; {@code matchers} are the labels a silence must match.
     * Returns whether its annotations changed.
     */
    boolean seen(AlertNotification.Alert alert, Map<String, String> matchers, String externalUrl, Instant now) {
        String newAnnotations = alert.annotations() == null ? null : JsonColumn.write(alert.annotations());
        boolean changed = annotations != null && newAnnotations != null && !annotations.equals(newAnnotations);
        this.fingerprint = alert.fingerprint();
        this.alertName = alert.label("alertname");
        this.labels = JsonColumn.write(matchers);
        this.annotations = newAnnotations;
        this.startsAt = alert.startsAt();
        this.endsAt = alert.endsAt();
        this.generatorUrl = alert.generatorURL();
        this.externalUrl = externalUrl;
        this.lastSeen = now;
        return changed;
    }

    /** Records a firing ↔ cleared change; returns how many happened within {@code window}. */
    int changedState(Status to, Instant now, Duration window) {
        this.status = to;
        List<Instant> recent = new ArrayList<>(JsonColumn.read(stateChanges, INSTANTS));
        recent.removeIf(t -> t.isBefore(now.minus(window)));
        recent.add(now);
        this.stateChanges = JsonColumn.write(recent.size() > 50 ? recent.subList(recent.size() - 50, recent.size()) : recent);
        return recent.size();
    }

    /** The alert now feeds a follow-up incident: counts and flags start over. */
    void movedTo(String newIncident, Instant now) {
        this.previousIncident = this.incidentNumber;
        this.incidentNumber = newIncident;
        this.occurrences = 0;
        this.firstSeen = now;
        this.silenceId = null;
        this.flapping = false;
        this.stateChanges = "[]";
        this.status = Status.FIRING;
    }

    public Long getId() { return id; }
    public String getIdentity() { return identity; }
    public String getFingerprint() { return fingerprint; }
    public String getAlertName() { return alertName; }
    public Map<String, String> getLabels() { return JsonColumn.read(labels, STRINGS); }
    public Map<String, String> getAnnotations() { return annotations == null ? Map.of() : JsonColumn.read(annotations, STRINGS); }
    public Status getStatus() { return status; }
    public String getIncidentNumber() { return incidentNumber; }
    public String getPreviousIncident() { return previousIncident; }
    public int getOccurrences() { return occurrences; }
    public Instant getFirstSeen() { return firstSeen; }
    public Instant getLastSeen() { return lastSeen; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public String getGeneratorUrl() { return generatorUrl; }
    public String getExternalUrl() { return externalUrl; }
    public String getSilenceId() { return silenceId; }
    public boolean isCiUnknown() { return ciUnknown; }
    public boolean isFlapping() { return flapping; }

    void occurred() { occurrences++; }
    void setStatus(Status status) { this.status = status; }
    void setCiUnknown(boolean ciUnknown) { this.ciUnknown = ciUnknown; }
    void setFlapping(boolean flapping) { this.flapping = flapping; }
    void setSilenceId(String silenceId) { this.silenceId = silenceId; }
}
