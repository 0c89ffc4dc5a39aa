package io.itsmhub.core.alert;

import io.itsmhub.core.alert.AlertEvents.AlertSilenced;
import io.itsmhub.core.alert.AlertEvents.IncidentFlapping;
import io.itsmhub.core.alert.MonitoredAlert.Status;
import io.itsmhub.core.change.ReleaseWatch;
import io.itsmhub.core.cmdb.CiView;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.incident.IncidentStatus;
import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.outbox.Outbox;
import io.itsmhub.core.common.InvalidInputException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns Alertmanager notifications into incident work, and keeps the bookkeeping of silences. The only writer
 * of alerts; incidents change only through {@link IncidentService}.
 */
@Service
public class AlertService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AlertService.class);
    static final String SYSTEM = "alertmanager";
    public static final String CLEARED_AT_SOURCE = "cleared-at-source";
    private static final int ATTEMPTS = 3;

    private final MonitoredAlertRepository alerts;
    private final AlertMapping mapping;
    private final AlertSettings settings;
    private final IncidentService incidents;
    private final ReleaseWatch releaseWatch;
    private final Journal journal;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    public AlertService(MonitoredAlertRepository alerts, AlertMapping mapping, AlertSettings settings,
                        IncidentService incidents, ReleaseWatch releaseWatch, Journal journal, Outbox outbox,
                        TransactionTemplate transactions,
                        ObjectProvider<MeterRegistry> meters, Clock clock) {
        this.alerts = alerts;
        this.mapping = mapping;
        this.settings = settings;
        this.incidents = incidents;
        this.releaseWatch = releaseWatch;
        this.journal = journal;
        this.outbox = outbox;
        this.transactions = transactions;
        // the hub has Micrometer's registry (actuator); the core alone, in tests, counts into a local one
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.clock = clock;
    }

    /**
     * Handles one delivery, each alert in its own transaction: when this returns, everything it did is committed.
     * An alert that cannot be stored (no labels, an unknown status, a failure of its own) is rejected, logged and
     * named in the result; the other alerts of the notification are stored all the same. Only a failure a retry
     * can cure (the database unreachable) is thrown, so that the sender sends the whole notification again (the
     * alerts already stored are deduplicated then). Two deliveries racing on a new alert (an HA pair) collide on
     * the unique identity; the loser runs again and finds the row.
     */
    public IntakeResult receive(AlertNotification raw) {
        validate(raw);
        AlertNotification notification = sanitized(raw);
        IntakeResult total = IntakeResult.EMPTY;
        for (int i = 0; i < raw.alerts().size(); i++) {
            total = total.plus(receiveOne(notification, raw.alerts().get(i), i));
        }
        count(total);
        return total;
    }

    private IntakeResult receiveOne(AlertNotification notification, AlertNotification.Alert raw, int index) {
        if (raw == null) {
            return rejected(index, "alerts[" + index + "]", "not an alert object");
        }
        if (!("firing".equals(raw.status()) || "resolved".equals(raw.status()))) {
            return rejected(index, "alerts[" + index + "].status", "must be firing or resolved, was "
                    + AlertSanitizer.cut(String.valueOf(raw.status()), 40));
        }
        if (raw.labels() == null || raw.labels().isEmpty()) {
            return rejected(index, "alerts[" + index + "].labels", "an alert has labels");
        }
        AlertNotification.Alert alert = AlertSanitizer.sanitize(raw);
        // the whole fingerprint, not the stored cut: two long fingerprints with one prefix are two alerts
        String identity = mapping.identity(notification, new AlertNotification.Alert(alert.status(), alert.labels(),
                alert.annotations(), alert.startsAt(), alert.endsAt(), alert.generatorURL(),
                AlertSanitizer.cut(raw.fingerprint(), Integer.MAX_VALUE)));
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> process(notification, identity, alert));
            } catch (DataIntegrityViolationException | ConcurrencyFailureException collision) {
                if (attempt == ATTEMPTS) {
                    throw collision;
                }
            } catch (RuntimeException e) {
                if (retryable(e)) {
                    throw e;
                }
                log.warn("Alert {} of a notification not stored: {}", index, e.toString(), e);
                return rejected(index, "alerts[" + index + "]", "not stored: " + AlertSanitizer.cut(e.getMessage(), 300));
            }
        }
    }

    private IntakeResult rejected(int index, String field, String reason) {
        log.warn("Alertmanager alert rejected: {}: {}", field, reason);
        meters.counter("hub.alerts.rejected").increment();
        return IntakeResult.rejected(index, field, reason);
    }

    /** Failures a later delivery can cure: the database unreachable or busy, not this alert's content. */
    private static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof org.springframework.dao.TransientDataAccessException
                    || t instanceof org.springframework.dao.RecoverableDataAccessException
                    || t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static AlertNotification sanitized(AlertNotification n) {
        return new AlertNotification(AlertSanitizer.cut(n.version(), 20), AlertSanitizer.cut(n.groupKey(), Integer.MAX_VALUE),
                n.truncatedAlerts(), AlertSanitizer.cut(n.status(), 20), AlertSanitizer.cut(n.receiver(), 200),
                n.groupLabels(), n.commonLabels() == null ? null : AlertSanitizer.sanitize(new AlertNotification.Alert(
                        "firing", n.commonLabels(), null, null, null, null, null)).labels(),
                n.commonAnnotations(), AlertSanitizer.cut(n.externalURL(), AlertSanitizer.MAX_URL), n.alerts());
    }

    @Transactional(readOnly = true)
    public List<AlertView> forIncident(String incidentNumber) {
        return alerts.findByIncidentNumberOrderById(incidentNumber).stream().map(AlertView::of).toList();
    }

    /** The label sets to silence for an incident a person resolved; empty when there is nothing to silence. */
    @Transactional(readOnly = true)
    public List<Map<String, String>> silenceTargets(String incidentNumber) {
        return alerts.findByIncidentNumberOrderById(incidentNumber).stream()
                .filter(a -> a.getStatus() == Status.FIRING && a.getSilenceId() == null)
                .map(MonitoredAlert::getLabels).toList();
    }

    /** The silences set for an incident, to expire when it is reopened. */
    @Transactional(readOnly = true)
    public List<String> silencesOf(String incidentNumber) {
        return alerts.findByIncidentNumberOrderById(incidentNumber).stream().map(MonitoredAlert::getSilenceId)
                .filter(java.util.Objects::nonNull).toList();
    }

    @Transactional
    public void silenced(String incidentNumber, Map<String, String> matchers, String silenceId, long millis, int attempt) {
        alerts.findByIncidentNumberOrderById(incidentNumber).stream().filter(a -> a.getLabels().equals(matchers))
                .forEach(a -> a.setSilenceId(silenceId));
        journal.externalCall(incidentNumber, SYSTEM, "create-silence", "silence " + silenceId + " until "
                + clock.instant().plus(settings.silenceDuration()), millis, attempt);
        outbox.publish(incidentNumber, new AlertSilenced(incidentNumber, silenceId, matchers));
        meters.counter("hub.alertmanager.silences", "outcome", "created").increment();
        timed("create-silence", "ok", millis);
    }

    @Transactional
    public void silenceExpired(String incidentNumber, String silenceId, long millis, int attempt) {
        alerts.findByIncidentNumberOrderById(incidentNumber).stream().filter(a -> silenceId.equals(a.getSilenceId()))
                .forEach(a -> a.setSilenceId(null));
        journal.externalCall(incidentNumber, SYSTEM, "expire-silence", "silence " + silenceId + " expired", millis, attempt);
        meters.counter("hub.alertmanager.silences", "outcome", "expired").increment();
        timed("expire-silence", "ok", millis);
    }

    /** A call to Alertmanager was not made because the incident moved on since the event: the journal says to what. */
    @Transactional
    public void callSkipped(String incidentNumber, String operation, IncidentStatus now) {
        journal.note(incidentNumber, SYSTEM, JournalMessage.of(JournalKeys.ALERT_CALL_SKIPPED, operation, now));
        meters.counter("hub.alertmanager.silences", "outcome", "skipped").increment();
    }

    /** A call to Alertmanager failed: the incident's journal shows it (the outbox retries or parks the event). */
    @Transactional
    public void callFailed(String incidentNumber, String operation, String error, long millis, int attempt) {
        journal.externalCall(incidentNumber, SYSTEM, operation, "failed: " + error, millis, attempt);
        meters.counter("hub.alertmanager.silences", "outcome", "failed").increment();
        timed(operation, "failed", millis);
    }

    private void timed(String operation, String outcome, long millis) {
        meters.timer("hub.alertmanager.calls", "operation", operation, "outcome", outcome)
                .record(java.time.Duration.ofMillis(millis));
    }

    private IntakeResult process(AlertNotification notification, String identity, AlertNotification.Alert alert) {
        Optional<MonitoredAlert> known = alerts.lockByIdentity(identity);
        if (alert.firing()) {
            return known.map(row -> refired(row, notification, alert)).orElseGet(() -> opened(identity, notification, alert));
        }
        return known.map(row -> cleared(row, notification, alert)).orElse(new IntakeResult(1, 0, 0, 0, 0, 1));
    }

    private IntakeResult opened(String identity, AlertNotification notification, AlertNotification.Alert alert) {
        Instant now = clock.instant();
        Raised raised = newIncident(identity, notification, alert, null);
        MonitoredAlert row = new MonitoredAlert(identity, raised.number(), now);
        row.seen(alert, mapping.silenceMatchers(notification, alert), notification.externalURL(), now);
        row.occurred();
        row.setCiUnknown(raised.ciUnknown());
        alerts.saveAndFlush(row); // a concurrent delivery of the same new alert fails here, not at commit
        return new IntakeResult(1, 1, 0, 0, 0, 0);
    }

    private IntakeResult refired(MonitoredAlert row, AlertNotification notification, AlertNotification.Alert alert) {
        Instant now = clock.instant();
        String number = row.getIncidentNumber();
        boolean newEpisode = row.getStatus() == Status.RESOLVED;
        boolean annotationsChanged = row.seen(alert, mapping.silenceMatchers(notification, alert), notification.externalURL(), now);
        row.occurred();
        IncidentView incident = incidents.get(number);
        if (newEpisode) {
            flapCheck(row, Status.FIRING, incident, now);
        }
        if (incident.status().isOpen()) {
            if (annotationsChanged) {
                journal.note(number, SYSTEM, JournalMessage.of(JournalKeys.ALERT_UPDATED, // hosts: staff only
                        AlertSanitizer.cut(String.valueOf(alert.annotations()), 10_000)));
            } else if (newEpisode) {
                journal.note(number, SYSTEM, JournalMessage.of(JournalKeys.ALERT_FIRING_AGAIN));
            }
            return new IntakeResult(1, 0, newEpisode ? 0 : 1, 0, 0, 0);
        }
        boolean resolvedRecently = incident.status() == IncidentStatus.RESOLVED && incident.resolvedAt() != null
                && incident.resolvedAt().isAfter(now.minus(settings.reopenWindow()));
        boolean startedAfterResolution = alert.startsAt() != null && incident.resolvedAt() != null
                && alert.startsAt().isAfter(incident.resolvedAt());
        if (resolvedRecently && !newEpisode && !startedAfterResolution) {
            return new IntakeResult(1, 0, 1, 0, 0, 0); // the same episode a person resolved: their silence will hold it
        }
        if (resolvedRecently) {
            if (row.isFlapping()) {
                journal.note(number, SYSTEM, JournalMessage.of(JournalKeys.ALERT_FIRED_AGAIN_FLAPPING));
                return new IntakeResult(1, 0, 1, 0, 0, 0);
            }
            incidents.reopen(number, JournalMessage.of(JournalKeys.ALERT_FIRED_AGAIN_REOPEN, row.getAlertName()));
            return new IntakeResult(1, 0, 0, 0, 1, 0);
        }
        Raised next = newIncident(row.getIdentity(), notification, alert, number);
        row.movedTo(next.number(), now);
        row.setCiUnknown(next.ciUnknown());
        row.occurred();
        return new IntakeResult(1, 1, 0, 0, 0, 0);
    }

    private IntakeResult cleared(MonitoredAlert row, AlertNotification notification, AlertNotification.Alert alert) {
        Instant now = clock.instant();
        row.seen(alert, mapping.silenceMatchers(notification, alert), notification.externalURL(), now);
        if (row.getStatus() == Status.RESOLVED) {
            return new IntakeResult(1, 0, 1, 0, 0, 0);
        }
        String number = row.getIncidentNumber();
        IncidentView incident = incidents.get(number);
        flapCheck(row, Status.RESOLVED, incident, now);
        Instant at = alert.endsAt();
        if (!incident.status().isOpen()) {
            journal.note(number, SYSTEM, at == null ? JournalMessage.of(JournalKeys.ALERT_CLEARED)
                    : JournalMessage.of(JournalKeys.ALERT_CLEARED_AT, at));
            return new IntakeResult(1, 0, 0, 0, 0, 0);
        }
        if (row.isFlapping()) {
            journal.note(number, SYSTEM, at == null ? JournalMessage.of(JournalKeys.ALERT_CLEARED_FLAPPING)
                    : JournalMessage.of(JournalKeys.ALERT_CLEARED_AT_FLAPPING, at));
            return new IntakeResult(1, 0, 0, 0, 0, 0);
        }
        if (!settings.autoResolve().contains(incident.priority())) {
            journal.note(number, SYSTEM, at == null ? JournalMessage.of(JournalKeys.ALERT_CLEARED_STAYS_OPEN, incident.priority())
                    : JournalMessage.of(JournalKeys.ALERT_CLEARED_AT_STAYS_OPEN, at, incident.priority()));
            return new IntakeResult(1, 0, 0, 0, 0, 0);
        }
        // the resolution note is a field of the incident that goes out with its event (to Alertmanager's side, mails):
        // it keeps its English text, as resolution notes people write are kept as written
        incidents.resolve(number, CLEARED_AT_SOURCE, "Alert cleared at source" + (at == null ? "" : " at " + at));
        return new IntakeResult(1, 0, 0, 1, 0, 0);
    }

    private void flapCheck(MonitoredAlert row, Status to, IncidentView incident, Instant now) {
        int changes = row.changedState(to, now, settings.flapWindow());
        if (changes > settings.flapChanges() && !row.isFlapping()) {
            row.setFlapping(true);
            journal.note(incident.number(), SYSTEM,
                    JournalMessage.of(JournalKeys.ALERT_FLAPPING, changes, settings.flapWindow()));
            outbox.publish(incident.number(), new IncidentFlapping(incident.number(), incident.assignee(),
                    incident.assignmentGroup(), changes));
        }
    }

    private record Raised(String number, boolean ciUnknown) { }

    private Raised newIncident(String identity, AlertNotification notification, AlertNotification.Alert alert,
                               String previous) {
        Optional<CiView> ci = mapping.affectedCi(alert);
        String number = incidents.create(mapping.incident(notification, alert, identity, ci, mapping.service(alert, ci))).number();
        ci.ifPresent(c -> releaseWatch.linkSuspect(number, c.number()));
        if (ci.isEmpty()) {
            journal.note(number, SYSTEM, JournalMessage.of(JournalKeys.ALERT_CI_UNKNOWN, settings.ciLabels()));
        }
        if (previous != null) {
            journal.note(number, SYSTEM, JournalMessage.of(JournalKeys.ALERT_FOLLOWS, previous));
            journal.note(previous, SYSTEM, JournalMessage.of(JournalKeys.ALERT_FOLLOWED_BY, number));
        }
        return new Raised(number, ci.isEmpty());
    }

    /** Only the shape of the whole notification is refused; a bad alert is rejected on its own. */
    private static void validate(AlertNotification notification) {
        if (notification == null || notification.alerts() == null || notification.alerts().isEmpty()) {
            throw InvalidInputException.of("alerts", "a notification carries at least one alert");
        }
    }

    private void count(IntakeResult result) {
        // rejected alerts are counted as they are rejected
        meters.counter("hub.alerts.received").increment(result.received());
        meters.counter("hub.alerts.deduplicated").increment(result.deduplicated());
        meters.counter("hub.alert.incidents", "outcome", "created").increment(result.created());
        meters.counter("hub.alert.incidents", "outcome", "resolved").increment(result.resolved());
        meters.counter("hub.alert.incidents", "outcome", "reopened").increment(result.reopened());
    }
}
