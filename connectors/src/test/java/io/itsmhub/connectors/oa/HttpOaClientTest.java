package io.itsmhub.connectors.oa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.itsmhub.connectors.ConnectorException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpOaClientTest {

    @RegisterExtension
    static WireMockExtension oa = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String SECRET = "oa-shared-s3cret-2f9c";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final OaApprovalRequest REQUEST = new OaApprovalRequest("APR-7", "CHG-000123",
            "Deploy payments 2.4", "alice", "bob", "Rolling restart, 5 min \"downtime\"\n维护窗口",
            URI.create("https://itsm.example/changes/CHG-000123"));
    private static final String BODY = "{\"approvalId\":\"APR-7\",\"ticket\":\"CHG-000123\",\"title\":\"Deploy payments 2.4\","
            + "\"requester\":\"alice\",\"approver\":\"bob\",\"summary\":\"Rolling restart, 5 min \\\"downtime\\\"\\n维护窗口\","
            + "\"link\":\"https://itsm.example/changes/CHG-000123\"}";
    /** openssl dgst -sha256 -hmac "$SECRET" over "1700000000." + BODY as UTF-8. */
    private static final String SIGNATURE = "sha256=b5be70cdf7de444479c6f65e1b4fd2de1b16ac12e5b649644e490a0c4c669225";

    @Test
    void postsTheExactSignedBodyAndReturnsTheOaId() {
        oa.stubFor(post("/api/approvals").willReturn(okJson("{\"id\":\"OA-2024-0099\"}")));

        String id = client().submit(REQUEST);

        assertThat(id).isEqualTo("OA-2024-0099");
        oa.verify(1, postRequestedFor(urlEqualTo("/api/approvals"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("X-ITSM-Timestamp", equalTo("1700000000"))
                .withHeader("X-ITSM-Signature", equalTo(SIGNATURE))
                .withRequestBody(equalTo(BODY)));
    }

    @Test
    void whatTheOaSystemReceivesVerifiesWithTheSharedSecret() {
        oa.stubFor(post("/api/approvals").willReturn(okJson("{\"id\":\"1\"}")));
        OaSettings settings = new OaSettings(url(), SECRET, null, TIMEOUT);

        new HttpOaClient(settings).submit(REQUEST); // the system clock this time

        LoggedRequest received = oa.getAllServeEvents().get(0).getRequest();
        assertThat(new OaSignature(settings).verify(received.getHeader("X-ITSM-Timestamp"),
                received.getHeader("X-ITSM-Signature"), received.getBodyAsString(), Instant.now())).isTrue();
    }

    @Test
    void nullFieldsAreSentAsNull() {
        oa.stubFor(post("/api/approvals").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":4711}")));

        String id = client().submit(new OaApprovalRequest("APR-8", "CHG-1", "t", "alice", "bob", null, null));

        assertThat(id).isEqualTo("4711");
        oa.verify(postRequestedFor(urlEqualTo("/api/approvals")).withRequestBody(equalToJson(
                "{\"approvalId\":\"APR-8\",\"ticket\":\"CHG-1\",\"title\":\"t\",\"requester\":\"alice\","
                        + "\"approver\":\"bob\",\"summary\":null,\"link\":null}")));
    }

    @ParameterizedTest(name = "[{index}] {0}.")
    @ValueSource(strings = {"{}", "{\"id\":\"\"}", "{\"id\":null}", "{\"id\":{\"value\":1}}", "<html>ok</html>", ""})
    void aSuccessWithoutAnIdIsPermanent(String answer) {
        oa.stubFor(post("/api/approvals").willReturn(aResponse().withStatus(200).withBody(answer)));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> client().submit(REQUEST));

        assertThat(e.retryable()).isFalse();
        assertThat(e.system()).isEqualTo("oa");
        assertThat(e.getMessage()).contains("APR-7").contains("without an id");
    }

    @ParameterizedTest(name = "HTTP {0} retryable: {1}")
    @CsvSource({"400, false", "401, false", "403, false", "404, false", "409, false", "302, false", "408, true",
            "429, true", "500, true", "502, true", "503, true"})
    void classifiesHttpFailures(int status, boolean retryable) {
        oa.stubFor(post("/api/approvals").willReturn(aResponse().withStatus(status).withBody("boom " + status)));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> client().submit(REQUEST));

        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).contains("HTTP " + status).contains("boom " + status).doesNotContain(SECRET);
    }

    @Test
    void anOaSystemSlowerThanTheTimeoutIsRetryable() {
        oa.stubFor(post("/api/approvals").willReturn(okJson("{\"id\":\"1\"}").withFixedDelay(3000)));

        long start = System.nanoTime();
        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> client().submit(REQUEST));

        assertThat(e.retryable()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    private static HttpOaClient client() {
        return new HttpOaClient(new OaSettings(url(), SECRET, null, TIMEOUT), CLOCK);
    }

    private static URI url() {
        return URI.create(oa.baseUrl() + "/api/approvals");
    }
}
