package io.itsmhub.hub.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.itsmhub.connectors.alertmanager.AlertState;
import io.itsmhub.connectors.alertmanager.AlertmanagerClient;
import io.itsmhub.connectors.alertmanager.AlertmanagerProcess;
import io.itsmhub.connectors.alertmanager.AlertmanagerSettings;
import io.itsmhub.connectors.alertmanager.HttpAlertmanagerClient;
import io.itsmhub.core.alert.AlertService;
import io.itsmhub.core.alert.AlertView;
import io.itsmhub.core.cmdb.CiClass;
import io.itsmhub.core.cmdb.CiForm;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.incident.IncidentFilter;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.incident.IncidentStatus;
import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.common.Priority;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole monitoring loop against two real Alertmanagers (Debian's prometheus-alertmanager) that send
 * their webhooks to this hub: alert → incident; alert cleared → incident resolved; incident resolved by a
 * person → alert suppressed by the hub's silence; reopened → silence expired.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class AlertLoopIntegrationTest {

    static final String TOKEN = "loop-test-token";
    static final int HUB_PORT = freePort();
    static final URI WEBHOOK = URI.create("http://127.0.0.1:" + HUB_PORT + "/webhooks/alertmanager");
    static final AlertmanagerProcess primary = AlertmanagerProcess.start(WEBHOOK, TOKEN);
    // the other half of an HA pair: same alerts, same hub
    static final AlertmanagerProcess peer = AlertmanagerProcess.start(WEBHOOK, TOKEN);

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> HUB_PORT);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:alert-loop;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.hikari.allow-pool-suspension", () -> "true");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
        registry.add("hub.admin.password", () -> "admin-pw-for-tests");
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.alertmanager.webhook-token", () -> TOKEN);
        registry.add("hub.alertmanager.url", () -> primary.url().toString());
        registry.add("hub.outbox.poll-interval", () -> "100");
    }

    @AfterAll
    static void stopAlertmanagers() {
        primary.close();
        peer.close();
    }

    @Autowired IncidentService incidents;
    @Autowired AlertService alerts;
    @Autowired CmdbService cmdb;
    @Autowired TestRestTemplate http;
    @Autowired DataSource dataSource;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;

    final AlertmanagerClient am = new HttpAlertmanagerClient(AlertmanagerSettings.of(primary.url()));
    final AlertmanagerClient amPeer = new HttpAlertmanagerClient(AlertmanagerSettings.of(peer.url()));

    @Test
    void anAlertBecomesAnIncidentAndClearingItResolvesTheIncidentWithoutASilence() {
        String host = "vm-loop-" + unique();
        String ci = cmdb.create(new CiForm(host, CiClass.VM, null, null, null, null)).number();
        Map<String, Object> alert = alert("NodeDown", host, "critical");
        am.postAlerts(List.of(alert));

        IncidentView incident = awaitIncident(host);
        assertThat(incident.priority()).isEqualTo(Priority.P1);
        assertThat(incident.affectedCi()).isEqualTo(ci);
        assertThat(incident.title()).isEqualTo("Node " + host + " is down");

        am.postAlerts(List.of(withEnd(alert, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> incidents.get(incident.number()).status() == IncidentStatus.RESOLVED);
        assertThat(incidents.get(incident.number()).resolutionCode()).isEqualTo(AlertService.CLEARED_AT_SOURCE);
        assertThat(journal(incident.number())).anyMatch(m -> m.startsWith("resolve: cleared-at-source"))
                .noneMatch(m -> m.contains("create-silence"));
        assertThat(alerts.forIncident(incident.number())).allMatch(a -> a.silenceId() == null);
    }

    @Test
    void aPersonsResolutionSilencesTheAlertAtTheSourceAndAReopenExpiresTheSilence() {
        String host = "vm-silence-" + unique();
        Map<String, Object> alert = alert("DiskFull", host, "warning");
        am.postAlerts(List.of(alert));
        IncidentView incident = awaitIncident(host);

        incidents.resolve(incident.number(), "fixed", "cleaned /var/log");
        AlertView silenced = await().atMost(Duration.ofSeconds(10))
                .until(() -> alerts.forIncident(incident.number()).get(0), a -> a.silenceId() != null);
        AlertState atSource = am.alerts(Map.of("instance", host + ":9100")).get(0);
        assertThat(atSource.state()).isEqualTo(AlertState.SUPPRESSED);
        assertThat(atSource.silencedBy()).containsExactly(silenced.silenceId());
        assertThat(journal(incident.number())).anyMatch(m -> m.startsWith("alertmanager create-silence: silence " + silenced.silenceId()));

        incidents.reopen(incident.number(), "still full");
        await().atMost(Duration.ofSeconds(10)).until(() -> am.alerts(Map.of("instance", host + ":9100")).get(0).isActive());
        await().atMost(Duration.ofSeconds(5)).until(() -> alerts.forIncident(incident.number()).get(0).silenceId() == null);
        assertThat(journal(incident.number())).anyMatch(m -> m.startsWith("alertmanager expire-silence: silence " + silenced.silenceId()));
        assertThat(meters.counter("hub.alertmanager.silences", "outcome", "created").count()).isPositive();
        assertThat(meters.timer("hub.alertmanager.calls", "operation", "create-silence", "outcome", "ok").count()).isPositive();
        assertThat(meters.counter("hub.alerts.received").count()).isPositive();
    }

    /**
     * A hub that died between Alertmanager's answer and its own record left a silence the incident does not know:
     * reopening the incident expires it too, found in Alertmanager as the hub's silence for this incident.
     */
    @Test
    void aReopenAlsoExpiresASilenceTheHubMadeButNeverRecorded() {
        String host = "vm-orphan-" + unique();
        Map<String, Object> alert = alert("DiskFull", host, "warning");
        am.postAlerts(List.of(alert));
        IncidentView incident = awaitIncident(host);
        incidents.resolve(incident.number(), "fixed", "cleaned /var/log");
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts.forIncident(incident.number()).get(0).silenceId() != null);
        Map<String, String> labels = alerts.forIncident(incident.number()).get(0).labels();
        String orphan = am.createSilence(labels, Instant.now(), Instant.now().plus(Duration.ofHours(2)), "itsm-hub",
                "Resolved in " + incident.number() + " by alice: http://localhost:8080/api/v1/incidents/" + incident.number());

        incidents.reopen(incident.number(), "still full");
        await().atMost(Duration.ofSeconds(10)).until(() -> am.alerts(Map.of("instance", host + ":9100")).get(0).isActive());
        assertThat(am.silences(labels)).filteredOn(silence -> silence.id().equals(orphan)).singleElement()
                .satisfies(silence -> assertThat(silence.isActive()).as("the unrecorded silence").isFalse());
        assertThat(journal(incident.number())).anyMatch(m -> m.startsWith("alertmanager expire-silence: silence " + orphan));
    }

    @Test
    void theSameAlertFromBothAlertmanagersAndTenReplaysMakeOneIncident() {
        String host = "vm-ha-" + unique();
        Map<String, Object> alert = alert("HighLoad", host, "warning");
        am.postAlerts(List.of(alert));
        amPeer.postAlerts(List.of(alert));
        IncidentView incident = awaitIncident(host);
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts.forIncident(incident.number()).get(0).occurrences() >= 2);

        assertThat(incidentsFor(host)).hasSize(1);

        String replayed = "replay-" + host;
        String payload = webhookPayload(replayed);
        for (int i = 0; i < 10; i++) {
            assertThat(post(payload, "Bearer " + TOKEN).getStatusCode().value()).isEqualTo(200);
        }
        List<IncidentView> raised = incidentsFor(replayed);
        assertThat(raised).hasSize(1);
        assertThat(alerts.forIncident(raised.get(0).number()).get(0).occurrences()).isEqualTo(10);
    }

    @Test
    void wrongCredentialsAndBadInputAreRefusedAndStoreNothing() {
        String host = "vm-refused-" + unique();
        String payload = webhookPayload(host);
        ResponseEntity<String> wrong = post(payload, "Bearer nope");
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(wrong.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(post(payload, null).getStatusCode().value()).isEqualTo(401);
        assertThat(post(payload, basic("alertmanager", "nope")).getStatusCode().value()).isEqualTo(401);
        assertThat(incidentsFor(host)).isEmpty();

        ResponseEntity<String> malformed = post("{\"alerts\": [", "Bearer " + TOKEN);
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getBody()).contains("\"field\":\"body\"");
        assertThat(post("{\"version\":\"4\",\"alerts\":[]}", "Bearer " + TOKEN).getStatusCode().value()).isEqualTo(400);

        assertThat(post(payload, basic("alertmanager", TOKEN)).getStatusCode().value()).as("Basic with the token").isEqualTo(200);
        assertThat(incidentsFor(host)).hasSize(1);
    }

    @Test
    void whenTheDatabaseIsDownTheWebhookAnswers5xxSoThatAlertmanagerRetries() {
        String host = "vm-dbdown-" + unique();
        var pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
        pool.suspendPool();
        try {
            assertThat(post(webhookPayload(host), "Bearer " + TOKEN).getStatusCode().value()).isEqualTo(503);
        } finally {
            pool.resumePool();
        }
        assertThat(incidentsFor(host)).isEmpty();
        assertThat(post(webhookPayload(host), "Bearer " + TOKEN).getStatusCode().value()).isEqualTo(200);
        assertThat(incidentsFor(host)).hasSize(1);
    }

    private IncidentView awaitIncident(String host) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> incidentsFor(host).stream().findFirst(), Optional::isPresent).get();
    }

    private List<IncidentView> incidentsFor(String host) {
        return incidents.list(new IncidentFilter(null, null, null, null, "alertmanager", null, null, null, null), Pageable.unpaged())
                .items().stream().filter(i -> i.title().contains(host)).toList();
    }

    private List<String> journal(String number) {
        return incidents.journal(number).stream().map(JournalEntryView::message).filter(java.util.Objects::nonNull).toList();
    }

    private ResponseEntity<String> post(String body, String authorization) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        return http.postForEntity("/webhooks/alertmanager", new HttpEntity<>(body, headers), String.class);
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    private static Map<String, Object> alert(String name, String host, String severity) {
        String summary = switch (name) {
            case "NodeDown" -> "Node " + host + " is down";
            default -> name + " on " + host;
        };
        return Map.of("labels", Map.of("alertname", name, "instance", host + ":9100", "severity", severity, "job", "node"),
                "annotations", Map.of("summary", summary, "description", "seen by the loop test"),
                "generatorURL", "http://prometheus:9090/graph");
    }

    private static Map<String, Object> withEnd(Map<String, Object> alert, Instant end) {
        Map<String, Object> ended = new java.util.HashMap<>(alert);
        ended.put("endsAt", end.toString());
        return ended;
    }

    /** A webhook exactly as Alertmanager 0.25 sends it, for replays. */
    private static String webhookPayload(String host) {
        return """
                {"receiver":"hub","status":"firing","alerts":[{"status":"firing",
                 "labels":{"alertname":"Replay","instance":"%1$s:9100","severity":"warning"},
                 "annotations":{"summary":"Replay on %1$s"},"startsAt":"2026-11-24T10:00:00.000Z",
                 "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/graph","fingerprint":"fp%1$s"}],
                 "groupLabels":{"alertname":"Replay"},"commonLabels":{"alertname":"Replay"},"commonAnnotations":{},
                 "externalURL":"http://alertmanager:9093","version":"4","groupKey":"{}:{alertname=\\"Replay\\"}",
                 "truncatedAlerts":0,"someFutureField":{"x":1}}""".formatted(host);
    }

    private static String unique() {
        return Long.toString(System.nanoTime(), 36);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
