package io.itsmhub.hub.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.core.alert.AlertNotification;
import io.itsmhub.core.alert.AlertService;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.journal.JournalEntryView;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Alertmanager unreachable: the silence is retried with back-off, then parked where an operator sees and replays it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dead-letters;DB_CLOSE_DELAY=-1", "hub.admin.password=admin-pw-for-tests",
        "hub.demo.enabled=false", "hub.outbox.poll-interval=50", "hub.outbox.first-retry=PT0.2S",
        "hub.outbox.max-attempts=2", "hub.alertmanager.retries=1", "hub.alertmanager.retry-delay=50",
        "hub.alertmanager.timeout=PT0.5S"})
class AlertCloseDeadLetterTest {

    static final int NOTHING_LISTENS = deadPort();

    @org.springframework.test.context.DynamicPropertySource
    static void unreachableAlertmanager(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("hub.alertmanager.url", () -> "http://127.0.0.1:" + NOTHING_LISTENS);
    }

    @Autowired AlertService alerts;
    @Autowired IncidentService incidents;
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;

    @Test
    void anUnreachableAlertmanagerIsRetriedThenParkedAndTheIncidentShowsTheFailures() throws Exception {
        alerts.receive(new AlertNotification("4", "{}", 0, "firing", "hub", Map.of(), Map.of(), Map.of(), null,
                List.of(new AlertNotification.Alert("firing", Map.of("alertname", "DeadLetter", "instance", "x:1"),
                        Map.of("summary", "dead letter test"), Instant.now(), null, null, "fp-dead-letter"))));
        String number = incidents.list(new io.itsmhub.core.incident.IncidentFilter(null, null, null, null, null,
                "fp-dead-letter", null, null, null), org.springframework.data.domain.Pageable.unpaged()).items().get(0).number();
        incidents.resolve(number, "fixed", "by a person");

        JsonNode parked = await().atMost(Duration.ofSeconds(20)).until(this::deadLetters, list -> list.size() > 0).get(0);
        assertThat(parked.get("ticketNumber").asText()).isEqualTo(number);
        assertThat(parked.get("type").asText()).isEqualTo("IncidentResolved");
        assertThat(parked.get("subscriber").asText()).as("the flow whose call failed").isEqualTo("alert-close");
        assertThat(parked.get("lastError").asText()).contains("alertmanager");
        List<String> failures = incidents.journal(number).stream().map(JournalEntryView::message)
                .filter(m -> m != null && m.startsWith("alertmanager create-silence: failed")).toList();
        assertThat(failures).as("each attempt, in-route retries included, is on the incident").hasSizeGreaterThanOrEqualTo(4);

        String id = parked.get("id").asText();
        JsonNode replayed = json.readTree(http.withBasicAuth("admin", "admin-pw-for-tests")
                .postForObject("/api/v1/integrations/dead-letters/" + id + "/replay", null, String.class));
        assertThat(replayed.get("status").asText()).isEqualTo("PENDING");
        assertThat(http.getForEntity("/api/v1/integrations/dead-letters", String.class).getStatusCode().value()).isEqualTo(401);
    }

    private JsonNode deadLetters() throws IOException {
        return json.readTree(http.withBasicAuth("admin", "admin-pw-for-tests")
                .getForObject("/api/v1/integrations/dead-letters", String.class));
    }

    private static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
