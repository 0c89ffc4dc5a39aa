package io.itsmhub.connectors.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.itsmhub.connectors.ConnectorException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the gateway receives, byte for byte where it matters, and how each of its answers is classified. */
class HttpSmsClientTest {

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final String TEMPLATE = "{\"phone\":\"${to}\",\"message\":\"${text}\",\"sign\":\"ITSM\"}";
    private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer t0k-Sms");

    @Test
    void postsTheFilledTemplateWithTheConfiguredHeaders() {
        gateway.stubFor(post("/v1/send").willReturn(okJson("{\"code\":0}")));

        client(null, null).send("+86 138-0013-8000", "INC-000042 is resolved");

        gateway.verify(1, postRequestedFor(urlEqualTo("/v1/send"))
                .withHeader("Authorization", equalTo("Bearer t0k-Sms"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withoutHeader("Upgrade")
                .withRequestBody(equalToJson(
                        "{\"phone\":\"+8613800138000\",\"message\":\"INC-000042 is resolved\",\"sign\":\"ITSM\"}")));
    }

    @Test
    void quotesNewlinesBackslashesAndChineseStillMakeValidJson() throws IOException {
        gateway.stubFor(post("/v1/send").willReturn(okJson("{\"code\":0}")));
        String text = "故障 \"P1\": 数据库宕机\n请处理 \\ ${to} ✓\t</script>";

        client(null, null).send("13800138000", text);

        String received = gateway.getAllServeEvents().get(0).getRequest().getBodyAsString();
        JsonNode body = new ObjectMapper().readTree(received);
        assertThat(body.path("message").asText()).isEqualTo(text); // ${to} in the text is not filled in
        assertThat(body.path("phone").asText()).isEqualTo("13800138000");
        gateway.verify(postRequestedFor(urlEqualTo("/v1/send")).withRequestBody(equalToJson(
                "{\"phone\":\"13800138000\",\"message\":\"故障 \\\"P1\\\": 数据库宕机\\n请处理 \\\\ ${to} ✓\\t</script>\","
                        + "\"sign\":\"ITSM\"}")));
    }

    @Test
    void usesTheConfiguredMethodAndMayReplaceTheContentType() {
        gateway.stubFor(any(anyUrl()).willReturn(okJson("{}")));
        SmsSettings settings = new SmsSettings(url("/v1/send"), "PUT",
                Map.of("content-type", "application/json;charset=UTF-8"), TEMPLATE, TIMEOUT, null, null);

        new HttpSmsClient(settings).send("+4915112345678", "hi");

        gateway.verify(putRequestedFor(urlEqualTo("/v1/send"))
                .withHeader("Content-Type", equalTo("application/json;charset=UTF-8"))
                .withRequestBody(equalToJson("{\"phone\":\"+4915112345678\",\"message\":\"hi\",\"sign\":\"ITSM\"}")));
        assertThat(gateway.getAllServeEvents().get(0).getRequest().getHeaders().getHeader("Content-Type").values())
                .as("replaced, not added").hasSize(1);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"12345", "+123456789012345678901", "ops@example.com", "138 0013 800O", "++8613800138000",
            "13800138000+", ""})
    void aBadNumberIsPermanentNamesTheNumberAndCostsNoCall(String phone) {
        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> client(null, null).send(phone, "x"));

        assertThat(e.retryable()).isFalse();
        assertThat(e.system()).isEqualTo("sms");
        assertThat(e.getMessage()).contains("'" + phone + "'");
        gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anEmptyTextIsPermanent() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> client(null, null).send("13800138000", " "));

        assertThat(e.retryable()).isFalse();
        gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aSuccessFieldWithTheSuccessValueIsSuccess() {
        gateway.stubFor(post("/v1/send").willReturn(okJson("{\"result\":{\"code\":\"0\"},\"msg\":\"ok\"}")));

        assertThatNoException().isThrownBy(() -> client("result.code", "0").send("13800138000", "x"));
    }

    @Test
    void aProviderErrorCodeInA200IsPermanentWithItsReason() {
        gateway.stubFor(post("/v1/send").willReturn(okJson("{\"code\":40012,\"msg\":\"sign not approved\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> client("code", "0").send("13800138000", "secret text"));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("code=40012").contains("sign not approved").doesNotContain("secret text");
    }

    @ParameterizedTest(name = "[{index}] {0}.")
    @ValueSource(strings = {"{\"msg\":\"ok\"}", "{\"code\":null}", "<html>login</html>", ""})
    void a200WithoutTheSuccessFieldIsPermanent(String answer) {
        gateway.stubFor(post("/v1/send").willReturn(aResponse().withStatus(200).withBody(answer)));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> client("code", "0").send("13800138000", "x"));

        assertThat(e.retryable()).isFalse();
    }

    @ParameterizedTest(name = "HTTP {0} retryable: {1}")
    @CsvSource({"400, false", "401, false", "403, false", "404, false", "302, false", "408, true", "429, true",
            "500, true", "502, true", "503, true"})
    void classifiesHttpFailures(int status, boolean retryable) {
        gateway.stubFor(post("/v1/send").willReturn(aResponse().withStatus(status)
                .withHeader("Location", "https://login.example/").withBody("{\"message\":\"boom " + status + "\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> client(null, null).send("13800138000", "x"));

        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).contains("HTTP " + status).contains("boom " + status);
    }

    @Test
    void aGatewaySlowerThanTheTimeoutIsRetryable() {
        gateway.stubFor(post("/v1/send").willReturn(okJson("{}").withFixedDelay(3000)));

        long start = System.nanoTime();
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> client(null, null).send("13800138000", "x"));

        assertThat(e.retryable()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void anUnreachableGatewayIsRetryable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        HttpSmsClient client = new HttpSmsClient(new SmsSettings(URI.create("http://127.0.0.1:" + port + "/send"),
                null, AUTH, TEMPLATE, TIMEOUT, null, null));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> client.send("13800138000", "x"));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).doesNotContain("13800138000");
    }

    private static HttpSmsClient client(String successPath, String successValue) {
        return new HttpSmsClient(new SmsSettings(url("/v1/send"), null, AUTH, TEMPLATE, TIMEOUT, successPath,
                successValue));
    }

    private static URI url(String path) {
        return URI.create(gateway.baseUrl() + path);
    }
}
