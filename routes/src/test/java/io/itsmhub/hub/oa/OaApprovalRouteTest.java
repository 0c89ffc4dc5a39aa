package io.itsmhub.hub.oa;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.itsmhub.connectors.oa.OaSignature;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.RequestStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An approval handed to the OA system (WireMock records the signed request) and its decision taken back on the
 * webhook: signed, once, as the person who decided.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OaApprovalRouteTest {

    static final String SECRET = "oa-shared-secret-for-tests";
    static final String DEMO_PASSWORD = "demo-password-for-tests";
    static final WireMockServer oa = new WireMockServer(options().dynamicPort());

    static {
        oa.start();
        oa.stubFor(post(urlPathEqualTo("/approvals")).willReturn(okJson("{\"id\":\"OA-42\"}")));
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:oa-loop;DB_CLOSE_DELAY=-1");
        registry.add("hub.admin.password", () -> "admin-pw-for-tests");
        registry.add("hub.demo.enabled", () -> "true");
        registry.add("hub.demo.password", () -> DEMO_PASSWORD);
        registry.add("hub.outbox.poll-interval", () -> "50");
        registry.add("hub.outbox.first-retry", () -> "PT0.2S");
        registry.add("hub.outbox.max-retry", () -> "PT0.4S");
        registry.add("hub.oa.url", () -> oa.baseUrl() + "/approvals");
        registry.add("hub.oa.secret", () -> SECRET);
    }

    @AfterAll
    static void stopOa() {
        oa.stop();
    }

    @Autowired TestRestTemplate http;
    @Autowired RequestService requests;
    @Autowired io.itsmhub.core.outbox.OutboxConsumer outbox;

    @Test
    void whileTheOaSystemIsDownItsSubmissionIsRetriedAloneAndTheApproverIsToldOnce() {
        var down = oa.stubFor(post(urlPathEqualTo("/approvals")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable()));
        String number;
        try {
            number = order();
            await().atMost(Duration.ofSeconds(15)).until(() -> oa.findAll(postRequestedFor(urlPathEqualTo("/approvals")))
                    .stream().filter(r -> r.getBodyAsString().contains(number)).count() >= 3);
        } finally {
            oa.removeStub(down);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> requests.journal(number).stream()
                .anyMatch(e -> e.message() != null && e.message().contains("OA-42")));
        assertThat(outbox.forTicket(number)).filteredOn(e -> e.type().equals("NotificationRequested")
                        && e.payload().contains("\"event\":\"approval-needed\""))
                .as("planned once, however often the OA submission was retried").hasSize(1);
        assertThat(outbox.forTicket(number)).filteredOn(e -> e.type().equals("RequestApprovalRequested")).singleElement()
                .satisfies(e -> assertThat(e.deliveries()).extracting(d -> d.subscriber() + ":" + d.status())
                        .contains("oa-submit:DONE", "notification-planning:DONE"));
    }

    @Test
    void aRequestNeedingApprovalGoesToOaAndItsSignedDecisionIsTakenOnceAsTheApprover() {
        String number = order();
        LoggedRequest submitted = await().atMost(Duration.ofSeconds(15)).until(() -> oa.findAll(postRequestedFor(
                urlPathEqualTo("/approvals"))).stream().filter(r -> r.getBodyAsString().contains(number)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(submitted.getBodyAsString()).contains("\"approver\":\"mike\"");
        String ts = submitted.getHeader(OaSignature.TIMESTAMP_HEADER);
        assertThat(submitted.getHeader(OaSignature.SIGNATURE_HEADER))
                .isEqualTo(OaSignature.sign(SECRET, Long.parseLong(ts), submitted.getBodyAsString()));

        String decision = "{\"approvalId\":\"" + number + "\",\"decision\":\"APPROVED\",\"decidedBy\":\"mike\",\"comment\":\"ok\",\"nonce\":\"n-" + UUID.randomUUID() + "\"}";
        assertThat(callback(decision, null, null).getStatusCode().value()).as("unsigned").isEqualTo(401);
        long now = Instant.now().getEpochSecond();
        assertThat(callback(decision, now, OaSignature.sign("wrong-secret", now, decision)).getStatusCode().value()).isEqualTo(401);
        long stale = now - 3600;
        assertThat(callback(decision, stale, OaSignature.sign(SECRET, stale, decision)).getStatusCode().value()).as("too old").isEqualTo(401);
        assertThat(requests.get(number).status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);

        ResponseEntity<String> taken = callback(decision, now, OaSignature.sign(SECRET, now, decision));
        assertThat(taken.getStatusCode().value()).isEqualTo(200);
        assertThat(requests.get(number).status()).isNotEqualTo(RequestStatus.AWAITING_APPROVAL);
        assertThat(requests.get(number).approvals()).singleElement().satisfies(a -> assertThat(a.approver()).isEqualTo("mike"));
        assertThat(callback(decision, now, OaSignature.sign(SECRET, now, decision)).getStatusCode().value()).as("replayed").isEqualTo(409);
    }

    @Test
    void nobodyApprovesTheirOwnRequestFromOaEither() {
        String number = order();
        long now = Instant.now().getEpochSecond();
        String decision = "{\"approvalId\":\"" + number + "\",\"decision\":\"APPROVED\",\"decidedBy\":\"rita\",\"comment\":\"mine\",\"nonce\":\"n-" + UUID.randomUUID() + "\"}";
        assertThat(callback(decision, now, OaSignature.sign(SECRET, now, decision)).getStatusCode().value()).isEqualTo(403);
        assertThat(requests.get(number).status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
    }

    /** rita orders an item whose one approval step is delegated to OA (her manager, mike, decides there). */
    private String order() {
        Map<String, Object> item = Map.of("code", "oa-access", "name", "Access approved in OA", "form", java.util.List.of(
                Map.of("name", "group", "label", "Group", "type", "TEXT", "required", true)),
                "approvalRequired", true, "fulfilmentGroup", "service-desk", "approvalChain", java.util.List.of(Map.of("kind", "OA")));
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> saved = http.withBasicAuth("admin", "admin-pw-for-tests").exchange("/api/v1/catalog/oa-access",
                org.springframework.http.HttpMethod.PUT, new HttpEntity<>(item, json), String.class);
        assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
        ResponseEntity<Map> created = http.withBasicAuth("rita", DEMO_PASSWORD).postForEntity("/api/v1/requests",
                Map.of("catalogItem", "oa-access", "values", Map.of("group", "payments-db-readers")), Map.class);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        return (String) created.getBody().get("number");
    }

    private ResponseEntity<String> callback(String body, Long timestamp, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (timestamp != null) {
            headers.set(OaSignature.TIMESTAMP_HEADER, String.valueOf(timestamp));
            headers.set(OaSignature.SIGNATURE_HEADER, signature);
        }
        return http.postForEntity("/webhooks/oa", new HttpEntity<>(body, headers), String.class);
    }
}
