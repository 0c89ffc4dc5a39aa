package io.itsmhub.hub.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.itsmhub.core.alert.AlertNotification;
import io.itsmhub.core.alert.AlertService;
import io.itsmhub.core.incident.IncidentFilter;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.incident.IncidentStatus;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.outbox.OutboxConsumer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Resolve while Alertmanager is down, then reopen: the silence keeps failing and backing off, the reopen's expiry waits
 * for it (a ticket's events reach a subscriber in order), and when Alertmanager is back the late silence sees the
 * incident is open again and is skipped, journaled. The reopened incident's alert stays loud.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:alert-close-order;DB_CLOSE_DELAY=-1", "hub.admin.password=admin-pw-for-tests",
        "hub.demo.enabled=false", "hub.outbox.poll-interval=50", "hub.outbox.first-retry=PT0.2S",
        "hub.outbox.max-retry=PT0.4S", "hub.outbox.max-attempts=50", "hub.alertmanager.retries=0"})
class AlertCloseOrderTest {

    /** Alertmanager's silence API, switched off and on; counts the silences it accepted. */
    static final AtomicBoolean down = new AtomicBoolean(true);
    static final AtomicInteger refused = new AtomicInteger();
    static final AtomicInteger silencesCreated = new AtomicInteger();
    static final HttpServer alertmanager = start();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("hub.alertmanager.url", () -> "http://127.0.0.1:" + alertmanager.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        alertmanager.stop(0);
    }

    @Autowired AlertService alerts;
    @Autowired IncidentService incidents;
    @Autowired OutboxConsumer outbox;

    @Test
    void aSilenceDelayedPastAReopenNeverSilencesTheReopenedIncident() {
        alerts.receive(new AlertNotification("4", "{}", 0, "firing", "hub", Map.of(), Map.of(), Map.of(), null,
                List.of(new AlertNotification.Alert("firing", Map.of("alertname", "Order", "instance", "db:1"),
                        Map.of("summary", "order test"), Instant.now(), null, null, "fp-order"))));
        String number = incidents.list(new IncidentFilter(null, null, null, null, null, "fp-order", null, null, null),
                Pageable.unpaged()).items().get(0).number();
        incidents.resolve(number, "fixed", "by a person");
        await().atMost(Duration.ofSeconds(10)).until(() -> refused.get() >= 2); // backing off
        incidents.reopen(number, "it is back");

        down.set(false);
        await().atMost(Duration.ofSeconds(15)).until(() -> outbox.forTicket(number).stream()
                .filter(e -> e.type().equals("IncidentResolved") || e.type().equals("IncidentTransitioned"))
                .allMatch(e -> e.status().equals("DONE")));

        assertThat(silencesCreated.get()).as("no silence for an incident that is open again").isZero();
        assertThat(incidents.get(number).status()).isIn(IncidentStatus.NEW, IncidentStatus.IN_PROGRESS);
        assertThat(incidents.journal(number)).extracting(JournalEntryView::message)
                .anyMatch(m -> m != null && m.contains("create-silence skipped: the incident is"));
        assertThat(alerts.silencesOf(number)).isEmpty();
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v2/silences", exchange -> {
                exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestMethod().equals("GET") && !down.get()) { // the hub's search for its own silences
                    byte[] none = "[]".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, none.length);
                    exchange.getResponseBody().write(none);
                } else if (down.get()) {
                    refused.incrementAndGet();
                    exchange.sendResponseHeaders(503, -1);
                } else {
                    silencesCreated.incrementAndGet();
                    byte[] body = "{\"silenceID\":\"s-1\"}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
