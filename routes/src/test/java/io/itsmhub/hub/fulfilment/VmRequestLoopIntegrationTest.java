package io.itsmhub.hub.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.itsmhub.connectors.kubernetes.KubeVirtSimulator;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.cmdb.CiView;
import io.itsmhub.core.request.RequestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The request loop end to end: the demo catalog's "Linux VM with software" ordered by rita, approved by her manager
 * and by security (prod), created through the Kubernetes API (fabric8's mock server in CRUD mode with a simulated
 * KubeVirt: no cluster runs here), configured by the real ansible-playbook (local connection, scratch target_root),
 * registered in the CMDB and closed by itself, with the requester told by mail (GreenMail).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VmRequestLoopIntegrationTest {

    static final String PASSWORD = "demo-password-for-tests";
    static final KubeVirtSimulator kubernetes = KubeVirtSimulator.start().readyAfter(Duration.ofMillis(300));
    static final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final Path targetRoot = scratch();

    static {
        mail.start();
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:vm-loop;DB_CLOSE_DELAY=-1");
        registry.add("hub.admin.password", () -> "admin-pw-for-tests");
        registry.add("hub.demo.enabled", () -> "true");
        registry.add("hub.demo.password", () -> PASSWORD);
        registry.add("hub.outbox.poll-interval", () -> "50");
        FulfilmentPeers.register(registry, kubernetes, targetRoot);
        registry.add("hub.mail.from", () -> "ITSM Hub <hub@example.com>");
        registry.add("hub.mail.smtp.host", () -> "127.0.0.1");
        registry.add("hub.mail.smtp.port", () -> mail.getSmtp().getPort());
    }

    @AfterAll
    static void stopPeers() {
        kubernetes.close();
        mail.stop();
    }

    @Autowired TestRestTemplate http;
    @Autowired RequestService requests;
    @Autowired CmdbService cmdb;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void aProductionVmIsApprovedProvisionedConfiguredRegisteredAndClosedByItself() throws Exception {
        String number = order("prod", 2, List.of("nginx", "postgresql"));
        JsonNode ordered = request(number);
        assertThat(ordered.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(ordered.get("executor").asText()).isEqualTo("approval by mike");
        call("rita", HttpMethod.POST, "/api/v1/requests/" + number + "/approve", null, 403); // not her own
        call("carol", HttpMethod.POST, "/api/v1/requests/" + number + "/approve", null, 403); // not yet security's turn
        call("mike", HttpMethod.POST, "/api/v1/requests/" + number + "/approve", Map.of("text", "ok"), 200);
        assertThat(request(number).get("currentApprovers").get(0).asText()).isEqualTo("group:security");
        call("carol", HttpMethod.POST, "/api/v1/requests/" + number + "/approve", null, 200);

        await().atMost(Duration.ofMinutes(3)).until(() -> "FULFILLED".equals(request(number).path("status").asText()));
        assertThat(kubernetes.createdCount()).isGreaterThanOrEqualTo(2);
        String vm1 = number.toLowerCase() + "-1";
        assertThat(kubernetes.vm(vm1)).isNotNull();
        CiView vmCi = cmdb.findByName(vm1).orElseThrow();
        assertThat(vmCi.attributes()).containsEntry("request", number).containsKey("ip");
        assertThat(vmCi.owner()).isEqualTo("rita");
        assertThat(cmdb.findByName("nginx@" + vm1)).isPresent();
        assertThat(cmdb.relationsOf(vmCi.number())).anyMatch(r -> r.type().name().equals("HOSTED_ON"));
        assertThat(Files.list(targetRoot).toList()).as("the playbooks wrote into the scratch root").isNotEmpty();
        JsonNode done = request(number);
        assertThat(done.get("closeNote").asText()).contains(vm1).contains(vmCi.attributes().get("ip"));
        assertThat(done.path("executor").isNull() || done.path("executor").isMissingNode()).isTrue();
        List<String> journal = journal(number);
        assertThat(journal).anyMatch(m -> m.startsWith("CREATE_VMS done"))
                .anyMatch(m -> m.startsWith("AWAIT_VMS done"))
                .anyMatch(m -> m.startsWith("CONFIGURE done: baseline.yml ok"))
                .anyMatch(m -> m.startsWith("REGISTER done"));
        await().atMost(Duration.ofSeconds(20)).until(() -> journal(number).stream()
                .anyMatch(m -> m.startsWith("email notify request-fulfilled: sent to rita@example.com")));
    }

    @Test
    void aRejectionEndsTheOrderWithoutAnyVm() {
        String number = order("dev", 1, List.of());
        int before = kubernetes.createdCount();
        call("mike", HttpMethod.POST, "/api/v1/requests/" + number + "/reject", Map.of("text", "use the shared dev box"), 200);
        assertThat(request(number).get("status").asText()).isEqualTo("REJECTED");
        assertThat(kubernetes.createdCount()).isEqualTo(before);
    }

    @Test
    void aKubernetesRefusalHoldsTheOrderAndARetryFinishesItWithoutDuplicates() {
        kubernetes.refuse(403, "Forbidden", "virtualmachines.kubevirt.io is forbidden: User cannot create");
        String number;
        try {
            number = order("dev", 1, List.of());
            call("mike", HttpMethod.POST, "/api/v1/requests/" + number + "/approve", null, 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> "ON_HOLD".equals(request(number).path("status").asText()));
        } finally {
            kubernetes.accept();
        }
        JsonNode held = call("alice", HttpMethod.GET, "/api/v1/requests/" + number + "/fulfilment", null, 200);
        assertThat(held.get("error").asText()).startsWith("CREATE_VMS").contains("forbidden");
        call("alice", HttpMethod.POST, "/api/v1/requests/" + number + "/fulfilment/retry", null, 200);
        await().atMost(Duration.ofMinutes(2)).until(() -> "FULFILLED".equals(request(number).path("status").asText()));
        assertThat(kubernetes.vms().stream().filter(v -> v.getMetadata().getName().startsWith(number.toLowerCase()))).hasSize(1);
    }

    @Test
    void aCancelAfterAFailedVmDeletesWhatWasCreated() {
        kubernetes.failNext(1, "ErrorUnschedulable", "0/3 nodes are available: 3 Insufficient memory");
        String number = order("dev", 1, List.of());
        call("mike", HttpMethod.POST, "/api/v1/requests/" + number + "/approve", null, 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "ON_HOLD".equals(request(number).path("status").asText()));
        assertThat(kubernetes.vm(number.toLowerCase() + "-1")).isNotNull();

        call("alice", HttpMethod.POST, "/api/v1/requests/" + number + "/fulfilment/cancel", Map.of("reason", "no capacity"), 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(request(number).path("status").asText()));
        assertThat(kubernetes.vm(number.toLowerCase() + "-1")).isNull();
        assertThat(journal(number)).anyMatch(m -> m.startsWith("COMPENSATE done: deleted " + number.toLowerCase() + "-1"));
    }

    private String order(String environment, int count, List<String> software) {
        Map<String, Object> values = new java.util.HashMap<>(Map.of("count", count, "cpu", 2, "memoryGb", 4, "diskGb", 20,
                "image", "debian-12", "environment", environment, "costCentre", "CC-42", "justification", "payments load test"));
        if (!software.isEmpty()) {
            values.put("software", software);
        }
        return call("rita", HttpMethod.POST, "/api/v1/requests", Map.of("catalogItem", "linux-vm", "values", values), 201)
                .get("number").asText();
    }

    private JsonNode request(String number) {
        return call("rita", HttpMethod.GET, "/api/v1/requests/" + number, null, 200);
    }

    private List<String> journal(String number) {
        return call("alice", HttpMethod.GET, "/api/v1/requests/" + number + "/journal", null, 200).findValuesAsText("message");
    }

    private JsonNode call(String user, HttpMethod method, String url, Object body, int expected) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = http.withBasicAuth(user, PASSWORD).exchange(url, method, new HttpEntity<>(body, headers), String.class);
        assertThat(answer.getStatusCode().value()).as("%s %s → %s", method, url, answer.getBody()).isEqualTo(expected);
        try {
            return answer.getBody() == null ? json.createObjectNode() : json.readTree(answer.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError(answer.getBody(), e);
        }
    }

    private static Path scratch() {
        try {
            return Files.createTempDirectory("vm-loop-root-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
