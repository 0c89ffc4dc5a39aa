package io.itsmhub.connectors.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The helper itself: the webhook other modules' tests rely on arrives, with its token, firing and resolved. */
class AlertmanagerProcessTest {

    private record Delivery(String authorization, JsonNode payload) {}

    @Test
    void notifiesTheWebhookWithTheBearerTokenWhenAnAlertFiresAndResolves() throws IOException {
        assumeTrue(AlertmanagerProcess.installed(), AlertmanagerProcess.BINARY + " is not installed");
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        ObjectMapper json = new ObjectMapper();
        HttpServer hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hub.createContext("/webhooks/alertmanager", exchange -> {
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Authorization"),
                    json.readTree(exchange.getRequestBody())));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hub.start();
        URI webhook = URI.create("http://127.0.0.1:" + hub.getAddress().getPort() + "/webhooks/alertmanager");
        Path dir;
        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start(webhook, "hook-t0ken")) {
            dir = alertmanager.log().getParent();
            AlertmanagerClient client = new HttpAlertmanagerClient(AlertmanagerSettings.of(alertmanager.url()));
            Map<String, String> labels = Map.of("alertname", "WebhookProbe", "severity", "critical");

            client.postAlerts(List.of(Map.of("labels", labels, "annotations", Map.of("summary", "probe"))));
            await().atMost(Duration.ofSeconds(15)).until(() -> statuses(deliveries).contains("firing"));

            client.postAlerts(List.of(Map.of("labels", labels, "endsAt", Instant.now())));
            await().atMost(Duration.ofSeconds(15)).until(() -> statuses(deliveries).contains("resolved"));

            assertThat(deliveries).allSatisfy(d -> assertThat(d.authorization()).isEqualTo("Bearer hook-t0ken"));
            assertThat(deliveries.get(0).payload().path("alerts").get(0).path("labels").path("alertname").asText())
                    .isEqualTo("WebhookProbe");
        } finally {
            hub.stop(0);
        }
        assertThat(dir).as("temp dir deleted by close()").doesNotExist();
        assertThat(Files.exists(dir.resolve("alertmanager.yml"))).isFalse();
    }

    @Test
    void writesAReceiverWithoutWebhookWhenThereIsNoUrl() {
        assertThat(AlertmanagerProcess.config(null, null)).contains("receiver: hub").doesNotContain("webhook_configs");
        assertThat(AlertmanagerProcess.config(URI.create("http://h/x"), null))
                .contains("url: \"http://h/x\"").contains("send_resolved: true").doesNotContain("authorization");
    }

    @Test
    void writesOneWebhookPerUrlEachWithTheToken() {
        String yaml = AlertmanagerProcess.webhooksConfig(List.of(URI.create("http://h1/x"), URI.create("http://h2/x")), "t");
        assertThat(yaml).containsOnlyOnce("webhook_configs:").contains("url: \"http://h1/x\"").contains("url: \"http://h2/x\"");
        assertThat(yaml.split("credentials: \"t\"", -1)).hasSize(3);
    }

    private static List<String> statuses(List<Delivery> deliveries) {
        return deliveries.stream().map(d -> d.payload().path("status").asText()).toList();
    }
}
