package io.itsmhub.hub.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.connectors.kubernetes.KubeVirtSimulator;
import io.itsmhub.hub.HubApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A hub stopped while it waits for a VM (simulated KubeVirt, slow to start it) starts again on the same database,
 * takes the step over when its lease runs out, and finishes the order without creating the VM a second time.
 */
class FulfilmentRestartTest {

    static final String PASSWORD = "demo-password-for-tests";
    static final KubeVirtSimulator kubernetes = KubeVirtSimulator.start().readyAfter(Duration.ofSeconds(8));
    final ObjectMapper json = new ObjectMapper();

    @AfterAll
    static void stop() {
        kubernetes.close();
    }

    @Test
    void aRestartedHubResumesTheStepItWasInAndCreatesNothingTwice() throws Exception {
        Path data = Files.createTempDirectory("itsm-fulfilment-restart-");
        Path root = Files.createTempDirectory("itsm-fulfilment-root-");
        String number;
        try (ConfigurableApplicationContext first = start(data, root)) {
            TestRestTemplate http = client(first);
            Map<String, Object> values = Map.of("count", 1, "cpu", 2, "memoryGb", 4, "diskGb", 20, "image", "debian-12",
                    "environment", "dev", "costCentre", "CC-1", "justification", "restart test");
            number = call(http, "rita", HttpMethod.POST, "/api/v1/requests", Map.of("catalogItem", "linux-vm", "values", values))
                    .get("number").asText();
            call(http, "mike", HttpMethod.POST, "/api/v1/requests/" + number + "/approve", null);
            await().atMost(Duration.ofSeconds(30)).until(() -> call(http, "rita", HttpMethod.GET,
                    "/api/v1/requests/" + number, null).path("executor").asText().startsWith("Kubernetes: waiting for"));
        }
        assertThat(kubernetes.createdCount()).isEqualTo(1);

        try (ConfigurableApplicationContext second = start(data, root)) {
            TestRestTemplate http = client(second);
            await().atMost(Duration.ofMinutes(2)).until(() -> call(http, "rita", HttpMethod.GET,
                    "/api/v1/requests/" + number, null).path("status").asText().equals("FULFILLED"));
            assertThat(call(http, "alice", HttpMethod.GET, "/api/v1/requests/" + number + "/journal", null)
                    .findValuesAsText("message")).anyMatch(m -> m.startsWith("Resuming at AWAIT_VMS"));
        }
        assertThat(kubernetes.createdCount()).as("the VM was created once").isEqualTo(1);
    }

    private static ConfigurableApplicationContext start(Path data, Path root) {
        return new SpringApplicationBuilder(HubApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("hub") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--hub.admin.password=admin-pw-for-tests",
                "--hub.demo.enabled=true",
                "--hub.demo.password=" + PASSWORD,
                "--hub.outbox.poll-interval=50",
                "--hub.kubernetes.api-server=" + kubernetes.url(),
                "--hub.kubernetes.token=" + KubeVirtSimulator.TOKEN,
                "--hub.kubernetes.namespace=" + KubeVirtSimulator.NAMESPACE,
                "--hub.kubernetes.ready-timeout=60s",
                "--hub.ansible.playbook-dir=" + Path.of("..", "playbooks").toAbsolutePath().normalize(),
                "--hub.ansible.local=true",
                "--hub.fulfilment.poll-interval=200ms",
                "--hub.fulfilment.lease=3s",
                "--hub.fulfilment.ansible-vars.target_root=" + root,
                "--hub.fulfilment.ansible-vars.manage_packages=false",
                "--camel.main.shutdown-timeout=1"); // a hub that dies, not one that drains its work first
    }

    private static TestRestTemplate client(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
    }

    private JsonNode call(TestRestTemplate http, String user, HttpMethod method, String url, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = http.withBasicAuth(user, PASSWORD).exchange(url, method, new HttpEntity<>(body, headers), String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s %s → %s", method, url, answer.getBody()).isTrue();
        try {
            return json.readTree(answer.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError(answer.getBody(), e);
        }
    }
}
