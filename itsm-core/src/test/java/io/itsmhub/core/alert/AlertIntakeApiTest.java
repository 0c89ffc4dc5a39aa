package io.itsmhub.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsmhub.core.cmdb.CiClass;
import io.itsmhub.core.cmdb.CiForm;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.cmdb.RelationType;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.incident.IncidentStatus;
import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.outbox.OutboxConsumer;
import io.itsmhub.core.outbox.OutboxEvent;
import io.itsmhub.core.support.ApiTest;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** Alert intake rules, straight against the service (the webhook around it is tested in routes). */
class AlertIntakeApiTest extends ApiTest {

    @Autowired AlertService alerts;
    @Autowired IncidentService incidents;
    @Autowired CmdbService cmdb;
    @Autowired OutboxConsumer outbox;

    @Test
    void aFiringAlertBecomesAnIncidentWithPriorityCiAndServiceFromItsLabels() {
        String host = uniqueHost();
        String hostCi = cmdb.create(new CiForm(host, CiClass.VM, null, null, null, null)).number();
        String service = cmdb.create(new CiForm("svc-" + host, CiClass.SERVICE, null, null, null, null)).number();
        cmdb.relate(service, RelationType.DEPENDS_ON, hostCi);

        IntakeResult result = alerts.receive(notification(firing("fp-" + host, "critical", host + ":9100")));

        assertThat(result.created()).isEqualTo(1);
        IncidentView incident = incidentFor("fp-" + host);
        assertThat(incident.priority()).isEqualTo(Priority.P1);
        assertThat(incident.affectedCi()).isEqualTo(hostCi);
        assertThat(incident.service()).isEqualTo(service);
        assertThat(incident.source()).isEqualTo("alertmanager");
        assertThat(incident.title()).isEqualTo("Disk almost full on " + host);
        assertThat(incident.description()).contains("http://prometheus:9090/graph", "http://alertmanager:9093/#/alerts");
        assertThat(alerts.forIncident(incident.number())).singleElement()
                .satisfies(a -> assertThat(a.ciUnknown()).isFalse());
    }

    @Test
    void replaysAndAnHaPairsDoubleDeliveryUpdateOneIncident() throws Exception {
        String fp = "fp-" + uniqueHost();
        AlertNotification.Alert alert = firing(fp, "warning", "nowhere:9100");
        for (int i = 0; i < 10; i++) {
            alerts.receive(notification(alert));
        }
        Callable<IntakeResult> peer = () -> alerts.receive(notification(alert));
        ExecutorService pair = Executors.newFixedThreadPool(2);
        pair.invokeAll(List.of(peer, peer)).forEach(f -> { });
        pair.shutdown();

        List<IncidentView> raised = incidents.list(new io.itsmhub.core.incident.IncidentFilter(null, null, null, null,
                null, fp, null, null, null), org.springframework.data.domain.Pageable.unpaged()).items();
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).priority()).isEqualTo(Priority.P3);
        AlertView row = alerts.forIncident(raised.get(0).number()).get(0);
        assertThat(row.occurrences()).isEqualTo(12);
        assertThat(row.ciUnknown()).isTrue();
        assertThat(journal(raised.get(0).number())).anyMatch(m -> m.startsWith("CI unknown"));
    }

    @Test
    void twoDeliveriesOfANewAlertAtTheSameMomentRaiseOneIncident() throws Exception {
        String fp = "fp-" + uniqueHost();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<IntakeResult>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return alerts.receive(notification(firing(fp, "warning", "x")));
            }));
        }
        go.countDown();
        int created = 0;
        for (Future<IntakeResult> r : results) {
            created += r.get().created();
        }
        pool.shutdown();
        assertThat(created).isEqualTo(1);
        assertThat(alerts.forIncident(incidentFor(fp).number()).get(0).occurrences()).isEqualTo(4);
    }

    @Test
    void aClearedAlertResolvesItsIncidentAndARefireReopensIt() {
        String fp = "fp-" + uniqueHost();
        alerts.receive(notification(firing(fp, "warning", "x")));
        String number = incidentFor(fp).number();

        IntakeResult cleared = alerts.receive(notification(resolved(fp, "warning")));
        assertThat(cleared.resolved()).isEqualTo(1);
        IncidentView resolvedIncident = incidents.get(number);
        assertThat(resolvedIncident.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolvedIncident.resolutionCode()).isEqualTo(AlertService.CLEARED_AT_SOURCE);
        assertThat(alerts.receive(notification(resolved(fp, "warning"))).deduplicated()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(30));
        assertThat(alerts.receive(notification(firing(fp, "warning", "x"))).reopened()).isEqualTo(1);
        assertThat(incidents.get(number).status()).isEqualTo(IncidentStatus.IN_PROGRESS);
        assertThat(journal(number)).anyMatch(m -> m.startsWith("resolve: cleared-at-source"))
                .anyMatch(m -> m.startsWith("reopen: alert DiskFull fired again"));
    }

    @Test
    void aRefireAfterTheReopenWindowOrOfAClosedIncidentRaisesALinkedNewOne() {
        String fp = "fp-" + uniqueHost();
        alerts.receive(notification(firing(fp, "warning", "x")));
        String first = incidentFor(fp).number();
        alerts.receive(notification(resolved(fp, "warning")));
        clock.advance(Duration.ofHours(25));

        alerts.receive(notification(firing(fp, "warning", "x")));
        AlertView row = alerts.forIncident(incidents.get(first).number()).stream().findFirst()
                .orElseGet(() -> null);
        assertThat(row).as("the alert moved to the follow-up incident").isNull();
        String second = incidents.list(new io.itsmhub.core.incident.IncidentFilter(List.of(IncidentStatus.NEW), null,
                null, null, null, fp, null, null, null), org.springframework.data.domain.Pageable.unpaged()).items().get(0).number();
        assertThat(second).isNotEqualTo(first);
        assertThat(alerts.forIncident(second).get(0).previousIncident()).isEqualTo(first);
        assertThat(journal(second)).contains("Follows " + first + " (the same alert fired again)");
        assertThat(incidents.get(first).status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void anAlertThatKeepsFlappingStopsAutomaticResolveAndReopenAndTellsOnce() {
        String fp = "fp-" + uniqueHost();
        alerts.receive(notification(firing(fp, "warning", "x")));
        String number = incidentFor(fp).number();
        for (int i = 0; i < 3; i++) { // cleared, fired, cleared, fired, cleared, fired: 6 changes > 4
            clock.advance(Duration.ofMinutes(1));
            alerts.receive(notification(resolved(fp, "warning")));
            clock.advance(Duration.ofMinutes(1));
            alerts.receive(notification(firing(fp, "warning", "x")));
        }
        assertThat(alerts.forIncident(number).get(0).flapping()).isTrue();
        alerts.receive(notification(resolved(fp, "warning")));
        assertThat(incidents.get(number).status()).as("no more automatic resolve").isIn(IncidentStatus.IN_PROGRESS, IncidentStatus.NEW);
        assertThat(outbox.forTicket(number)).extracting(OutboxEvent::type).containsOnlyOnce("IncidentFlapping");
        assertThat(journal(number)).anyMatch(m -> m.startsWith("Flapping: 5 state changes"));
    }

    @Test
    void aNotificationWithoutAlertsIsRefusedButABadAlertKeepsNoOtherAlertOut() {
        assertThatThrownBy(() -> alerts.receive(new AlertNotification("4", "{}", 0, "firing", "hub", Map.of(), Map.of(),
                Map.of(), null, List.of()))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("alerts"));
        String fp = "fp-" + uniqueHost();
        AlertNotification.Alert good = firing(fp, "warning", "x");
        AlertNotification.Alert pending = new AlertNotification.Alert("pending", Map.of("alertname", "X"), Map.of(), null, null, null, "fp-bad");
        AlertNotification.Alert unlabelled = new AlertNotification.Alert("firing", Map.of(), Map.of(), null, null, null, "fp-bad2");

        IntakeResult result = alerts.receive(notification(pending, good, null, unlabelled));

        assertThat(result.created()).isEqualTo(1);
        assertThat(result.rejected()).isEqualTo(3);
        assertThat(result.rejections()).extracting(IntakeResult.Rejection::field)
                .containsExactly("alerts[0].status", "alerts[2]", "alerts[3].labels");
        assertThat(incidentFor(fp).title()).isEqualTo("Disk almost full on x");
    }

    @Test
    void overlongAndOddValuesAreStoredCutWithAMarkerAndNeverFailTheNotification() {
        String fp = "fp-" + uniqueHost();
        Map<String, String> labels = new java.util.HashMap<>();
        labels.put("alertname", "Odd\u0000Alert");
        labels.put("instance", "odd-" + fp);
        for (int i = 0; i < 300; i++) {
            labels.put("label" + i, "value-" + i);
        }
        labels.put("huge", "v".repeat(5000));
        Map<String, String> annotations = Map.of("summary", "odd\u0007 alert " + fp, "description", "d".repeat(100_000));
        AlertNotification.Alert odd = new AlertNotification.Alert("firing", labels, annotations,
                Instant.parse("2026-01-01T00:00:00Z"), null, "http://prometheus:9090/graph?g0.expr=" + "x".repeat(5000), fp);
        AlertNotification.Alert plain = firing("fp-plain-" + uniqueHost(), "warning", "y");

        IntakeResult result = alerts.receive(notification(odd, plain));

        assertThat(result.created()).isEqualTo(2);
        assertThat(result.rejected()).isZero();
        IncidentView incident = incidentFor(fp);
        assertThat(incident.title()).isEqualTo("odd\uFFFD alert " + fp);
        assertThat(incident.description()).contains("Truncated by the hub:", "labels left out", "generatorURL cut at 2000");
        AlertView stored = alerts.forIncident(incident.number()).get(0);
        assertThat(stored.labels()).hasSizeLessThanOrEqualTo(AlertSanitizer.MAX_LABELS)
                .containsEntry("alertname", "Odd\uFFFDAlert").doesNotContainKey("huge");
        assertThat(stored.annotations().get("description")).hasSize(AlertSanitizer.MAX_ANNOTATION_VALUE)
                .endsWith(AlertSanitizer.MARKER);
        assertThat(stored.annotations().get(AlertSanitizer.TRUNCATED_ANNOTATION)).contains("annotation description cut");

        alerts.receive(notification(odd));
        assertThat(alerts.forIncident(incident.number()).get(0).occurrences()).as("the same alert again").isEqualTo(2);
    }

    private IncidentView incidentFor(String fingerprint) {
        SecurityContextHolder.clearContext();
        return incidents.list(new io.itsmhub.core.incident.IncidentFilter(null, null, null, null, null, fingerprint, null,
                null, null), org.springframework.data.domain.Pageable.unpaged()).items().get(0);
    }

    private List<String> journal(String number) {
        return incidents.journal(number).stream().map(JournalEntryView::message).filter(java.util.Objects::nonNull).toList();
    }

    private static String uniqueHost() {
        return "host-" + Long.toString(System.nanoTime(), 36);
    }

    static AlertNotification notification(AlertNotification.Alert... alerts) {
        return new AlertNotification("4", "{}:{alertname=\"DiskFull\"}", 0, "firing", "hub",
                Map.of("alertname", "DiskFull"), Map.of("alertname", "DiskFull"), Map.of(), "http://alertmanager:9093",
                java.util.Arrays.asList(alerts));
    }

    static AlertNotification.Alert firing(String fingerprint, String severity, String instance) {
        return new AlertNotification.Alert("firing", Map.of("alertname", "DiskFull", "severity", severity, "instance", instance,
                "fp", fingerprint), Map.of("summary", "Disk almost full on " + instance.replaceAll(":\\d+$", ""),
                "description", "/var is 95% full"), Instant.parse("2026-01-01T00:00:00Z"), null,
                "http://prometheus:9090/graph?g0.expr=disk", fingerprint);
    }

    static AlertNotification.Alert resolved(String fingerprint, String severity) {
        return new AlertNotification.Alert("resolved", Map.of("alertname", "DiskFull", "severity", severity, "fp", fingerprint),
                Map.of(), Instant.parse("2026-01-01T00:00:00Z"), Instant.now(), null, fingerprint);
    }

}
