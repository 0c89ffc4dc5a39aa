package io.itsmhub.connectors.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.itsmhub.connectors.ConnectorException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DingTalkRobotTest {

    @RegisterExtension
    static WireMockExtension dingtalk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String TOKEN = "tok0dt5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f";
    private static final String SECRET = "SECd9f1c2a3b4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f";
    private static final long FIXED_MILLIS = 1_700_000_000_000L;
    /** printf '%s\n%s' 1700000000000 "$SECRET" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64, URL-encoded. */
    private static final String FIXED_SIGN = "Gw%2B2UyGkzkKIMGQeGfAVfEIwl1h9A2DKAmOIk9rXW5s%3D";
    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final ChatMessage MESSAGE = new ChatMessage("P1: 数据库宕机", "**db-1** is down\n\n- since 10:02",
            URI.create("https://itsm.example/tickets/INC-000042"));

    @Test
    void postsAMarkdownMessageWithTheTitleRepeatedAsHeadingAndTheLinkAppended() {
        dingtalk.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        robot(null, Clock.systemUTC()).post(MESSAGE);

        dingtalk.verify(1, postRequestedFor(urlEqualTo("/robot/send?access_token=" + TOKEN))
                .withQueryParam("timestamp", absent())
                .withQueryParam("sign", absent())
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"msgtype":"markdown","markdown":{"title":"P1: 数据库宕机",
                         "text":"#### P1: 数据库宕机\\n\\n**db-1** is down\\n\\n- since 10:02\\n\\n[Details](https://itsm.example/tickets/INC-000042)"}}
                        """)));
    }

    /** A ticket's title and text arrive as typed: no link, mention, HTML or bold obeyed; only the hub's link is one. */
    @Test
    void aPlainTextMessageArrivesAsLiteralTextWithOnlyTheHubsLink() {
        dingtalk.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        robot(null, Clock.systemUTC()).post(ChatMessage.plainText("[click](http://evil.example) @all <!channel> **x**", "[click](http://evil.example) @all <!channel> **x**\nsee www.evil.example",
                URI.create("https://itsm.example/t/INC-000042")));

        dingtalk.verify(1, postRequestedFor(urlPathEqualTo("/robot/send")).withRequestBody(equalToJson("""
                {"msgtype":"markdown","markdown":{"title":"[click](http://evil.example) @all <!channel> **x**",
                 "text":"#### \\\\[click\\\\]\\\\(http\\\\[:\\\\]//evil.example\\\\) @all \\\\<\\\\!channel\\\\> \\\\*\\\\*x\\\\*\\\\*\\n\\n\\\\[click\\\\]\\\\(http\\\\[:\\\\]//evil.example\\\\) @all \\\\<\\\\!channel\\\\> \\\\*\\\\*x\\\\*\\\\*\\n\\nsee www\\\\[.\\\\]evil.example\\n\\n[Details](https://itsm.example/t/INC-000042)"}}
                """)));
    }

    @Test
    void aSignatureWithAFixedClockEqualsThePrecomputedOne() {
        dingtalk.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        robot(SECRET, Clock.fixed(Instant.ofEpochMilli(FIXED_MILLIS), ZoneOffset.UTC)).post(ChatMessage.of("t", "m"));

        dingtalk.verify(1, postRequestedFor(urlEqualTo(
                "/robot/send?access_token=" + TOKEN + "&timestamp=" + FIXED_MILLIS + "&sign=" + FIXED_SIGN)));
        assertThat(DingTalkRobot.sign(SECRET, FIXED_MILLIS)).isEqualTo(FIXED_SIGN);
    }

    @Test
    void theReceivedTimestampAndSignVerifyAgainstTheSecret() throws Exception {
        dingtalk.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        robot(SECRET, Clock.systemUTC()).post(MESSAGE);

        LoggedRequest request = dingtalk.getAllServeEvents().get(0).getRequest();
        long timestamp = Long.parseLong(request.queryParameter("timestamp").firstValue());
        assertThat(Math.abs(System.currentTimeMillis() - timestamp)).isLessThan(60_000); // DingTalk allows an hour
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.queryParameter("sign").firstValue()).isEqualTo(expected); // WireMock decodes the query
        assertThat(request.getUrl()).doesNotContain(expected); // so the raw one must have been URL-encoded
        assertThat(request.queryParameter("access_token").firstValue()).isEqualTo(TOKEN);
    }

    @ParameterizedTest(name = "errcode {0} retryable: {1}")
    @CsvSource(delimiter = '|', value = {
            "310000 | false | sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]",
            "300001 | false | token is not exist",
            "400013 | false | 群已被解散",
            "130101 | true  | send too fast, exceed 20 times per minute",
            "-1     | true  | 系统繁忙"})
    void aNonZeroErrcodeIsARefusal(int errcode, boolean retryable, String errmsg) {
        dingtalk.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(
                okJson("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> robot(SECRET, Clock.systemUTC()).post(MESSAGE));

        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.system()).isEqualTo("dingtalk");
        assertThat(e.getMessage()).contains("errcode " + errcode).contains(errmsg).doesNotContain(TOKEN)
                .contains("access_token=<secret>");
    }

    @Test
    void anErrmsgThatEchoesTheTokenIsScrubbed() {
        dingtalk.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(
                okJson("{\"errcode\":300001,\"errmsg\":\"token " + TOKEN + " is not exist\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> robot(null, Clock.systemUTC()).post(MESSAGE));

        assertThat(e.getMessage()).doesNotContain(TOKEN).contains("token <secret> is not exist");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"{\"ok\":true}", "<html>gateway</html>"})
    void a200WithoutAnErrcodeIsPermanent(String answer) {
        dingtalk.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(200).withBody(answer)));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> robot(null, Clock.systemUTC()).post(MESSAGE));

        assertThat(e.retryable()).isFalse();
    }

    @ParameterizedTest(name = "HTTP {0} retryable: {1}")
    @CsvSource({"400, false", "404, false", "302, false", "429, true", "500, true", "502, true", "503, true"})
    void classifiesHttpFailures(int status, boolean retryable) {
        dingtalk.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(status).withBody("boom")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> robot(SECRET, Clock.systemUTC()).post(MESSAGE));

        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).contains("HTTP " + status).doesNotContain(TOKEN);
    }

    @Test
    void aRobotSlowerThanTheTimeoutIsRetryable() {
        dingtalk.stubFor(post(urlPathEqualTo("/robot/send"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}").withFixedDelay(3000)));

        long start = System.nanoTime();
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> robot(SECRET, Clock.systemUTC()).post(MESSAGE));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).doesNotContain(TOKEN);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void toStringNeverShowsTokenOrSecret() {
        DingTalkRobot robot = robot(SECRET, Clock.systemUTC());

        assertThat(robot.toString()).doesNotContain(TOKEN).doesNotContain(SECRET)
                .contains("access_token=<secret>").contains("secret=<secret>");
        assertThat(robot.channel()).isEqualTo("dingtalk");
    }

    private static DingTalkRobot robot(String secret, Clock clock) {
        URI url = URI.create(dingtalk.baseUrl() + "/robot/send?access_token=" + TOKEN);
        return new DingTalkRobot(new DingTalkSettings(url, secret, TIMEOUT), clock);
    }
}
