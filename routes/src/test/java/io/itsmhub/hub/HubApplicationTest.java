package io.itsmhub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The hub as a user starts it: real HTTP on a random port, demo data, actuator and API docs. */
@AutoConfigureObservability // tests switch metrics export off unless asked
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hub-app;DB_CLOSE_DELAY=-1",
        "hub.admin.password=admin-pw-for-tests", "hub.demo.enabled=true", "hub.demo.password=demo-pw-for-tests",
        "hub.monitoring.scrape-token=" + HubApplicationTest.SCRAPE_TOKEN})
class HubApplicationTest {

    static final String SCRAPE_TOKEN = "scrape-token-for-tests-0123456789";

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;

    @Autowired io.itsmhub.hub.outbox.OutboxSubscriptions subscriptions;
    @Autowired io.itsmhub.core.outbox.EventSubscriptions registry;
    @Autowired io.itsmhub.core.outbox.EventTypes types;

    /**
     * The routes README's table says which flow takes which event. An event that loses a subscriber the table names
     * (a record renamed, a subscription dropped) or a subscription the table does not name fails here.
     */
    @Test
    void everyEventReachesTheSubscribersTheRoutesReadmeNamesAndNoOthers() throws Exception {
        java.util.Map<String, java.util.Set<String>> documented = new java.util.TreeMap<>();
        java.util.Set<String> optional = new java.util.HashSet<>();
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("^\\| `(\\w+)` \\| (.+) \\|$");
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("README.md"))) {
            java.util.regex.Matcher m = row.matcher(line);
            if (m.matches()) {
                java.util.Set<String> names = new java.util.TreeSet<>();
                for (String cell : m.group(2).split(",")) {
                    java.util.regex.Matcher name = java.util.regex.Pattern.compile("`([a-z-]+)`( \\(when .*\\))?").matcher(cell.strip());
                    assertThat(name.lookingAt()).as("a subscriber cell: %s", cell).isTrue();
                    names.add(name.group(1));
                    if (name.group(2) != null) {
                        optional.add(name.group(1));
                    }
                }
                documented.put(m.group(1), names);
            }
        }
        assertThat(documented).as("the table in routes/README.md").hasSizeGreaterThan(10);
        for (var entry : documented.entrySet()) {
            assertThat(types.exists(entry.getKey())).as("%s is an event of the hub", entry.getKey()).isTrue();
            java.util.Set<String> expected = new java.util.TreeSet<>(entry.getValue());
            expected.removeIf(s -> optional.contains(s) && !subscriptions.subscribers().containsKey(s));
            assertThat(registry.subscribersOf(entry.getKey())).as("subscribers of %s", entry.getKey())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
        for (var subscriber : subscriptions.subscribers().values()) {
            for (Class<? extends Record> event : subscriber.events()) {
                assertThat(documented).as("%s takes %s: the table must say so", subscriber.subscriberName(), event)
                        .containsKey(io.itsmhub.core.outbox.EventTypes.nameOf(event));
            }
        }
    }

    @Test
    void healthIsPublicAndUp() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void metricsNeedALoginAndExposePrometheusText() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> metrics = http.withBasicAuth("admin", "admin-pw-for-tests")
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody()).contains("http_server_requests_seconds", "jvm_memory_used_bytes", "hub_outbox_pending",
                "hub_outbox_parked", "hub_outbox_subscriber_pending{subscriber=\"alert-close\"}",
                "hub_outbox_subscriber_parked{subscriber=\"notification\"}");
    }

    @Test
    void metricsAreForAdminsTheMonitoringRoleAndTheScrapeTokenNotForRequestersOrAgents() {
        for (String endpoint : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/info"}) {
            assertThat(http.withBasicAuth("rita", "demo-pw-for-tests").getForEntity(endpoint, String.class).getStatusCode())
                    .as("a requester on " + endpoint).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth("alice", "demo-pw-for-tests").getForEntity(endpoint, String.class).getStatusCode())
                    .as("an agent on " + endpoint).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.getForEntity(endpoint, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        http.withBasicAuth("admin", "admin-pw-for-tests").put("/api/v1/users/grafana", java.util.Map.of("username", "grafana",
                "displayName", "Grafana", "password", "grafana-pw-for-tests", "roles", java.util.List.of("MONITORING")));
        assertThat(http.withBasicAuth("grafana", "grafana-pw-for-tests").getForEntity("/actuator/metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("grafana", "grafana-pw-for-tests").getForEntity("/api/v1/users", String.class)
                .getStatusCode()).as("the monitoring role reads metrics, not the record").isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> scraped = http.exchange(org.springframework.http.RequestEntity.get("/actuator/prometheus")
                .header("Authorization", "Bearer " + SCRAPE_TOKEN).build(), String.class);
        assertThat(scraped.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scraped.getBody()).contains("hub_outbox_pending");
        assertThat(http.exchange(org.springframework.http.RequestEntity.get("/actuator/prometheus")
                .header("Authorization", "Bearer not-the-token").build(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theDemoIsLoadedOnAnEmptyDatabaseAndItsUsersCanLogIn() throws Exception {
        JsonNode catalog = json.readTree(http.withBasicAuth("rita", "demo-pw-for-tests")
                .getForObject("/api/v1/catalog", String.class));
        assertThat(catalog.findValuesAsText("code")).contains("linux-vm", "access-request");

        JsonNode services = json.readTree(http.withBasicAuth("alice", "demo-pw-for-tests")
                .getForObject("/api/v1/cis?ciClass=SERVICE&name=payments", String.class));
        String payments = services.get("items").get(0).get("number").asText();
        JsonNode dependencies = json.readTree(http.withBasicAuth("alice", "demo-pw-for-tests")
                .getForObject("/api/v1/cis/" + payments + "/dependencies", String.class));
        assertThat(dependencies.findValuesAsText("name")).contains("payments-api", "vm-pay-01", "pg-pay-01", "k8s-prod");
        assertThat(http.withBasicAuth("rita", "wrong").getForEntity("/api/v1/catalog", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theOpenApiDescriptionListsTheTicketEndpoints() throws Exception {
        JsonNode api = json.readTree(http.getForObject("/v3/api-docs", String.class));
        assertThat(api.get("paths").has("/api/v1/incidents/{number}/resolve")).isTrue();
        assertThat(api.get("paths").has("/api/v1/requests/{number}/approve")).isTrue();
        assertThat(api.get("paths").has("/api/v1/changes/{number}/authorise")).isTrue();
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
