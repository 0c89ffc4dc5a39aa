package io.itsmhub.connectors.chat;

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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.itsmhub.connectors.ConnectorException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeComRobotTest {

    @RegisterExtension
    static WireMockExtension wecom = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String KEY = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final URI LINK = URI.create("https://itsm.example/tickets/INC-000042");

    @Test
    void postsAMarkdownMessageWithTheTitleAsHeadingAndTheLinkAppended() {
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        robot().post(new ChatMessage("P1: 数据库宕机", "**db-1** is down\n> since 10:02", LINK));

        wecom.verify(1, postRequestedFor(urlEqualTo("/cgi-bin/webhook/send?key=" + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"msgtype":"markdown","markdown":{"content":
                         "## P1: 数据库宕机\\n**db-1** is down\\n> since 10:02\\n[Details](https://itsm.example/tickets/INC-000042)"}}
                        """)));
    }

    /** WeCom's markdown mentions with {@code <@userid>} and colours with {@code <font>}: a ticket's text does neither. */
    @Test
    void aPlainTextMessageArrivesAsLiteralTextWithOnlyTheHubsLink() {
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        robot().post(ChatMessage.plainText("[click](http://evil.example) @all <!channel> **x**", "<@zhangsan> <font color=\"warning\">x</font>", LINK));

        wecom.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send")).withRequestBody(equalToJson("""
                {"msgtype":"markdown","markdown":{"content":
                 "## \\\\[click\\\\]\\\\(http\\\\[:\\\\]//evil.example\\\\) @all \\\\<\\\\!channel\\\\> \\\\*\\\\*x\\\\*\\\\*\\n\\\\<@zhangsan\\\\> \\\\<font color=\\"warning\\"\\\\>x\\\\</font\\\\>\\n[Details](https://itsm.example/tickets/INC-000042)"}}
                """)));
    }

    @Test
    void aLongMessageIsCutTo4096BytesOnACharacterBoundaryKeepingTheLink() throws Exception {
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        String markdown = "x" + "磁盘已满🔥".repeat(1000); // 3- and 4-byte characters, misaligned by the "x"

        robot().post(new ChatMessage("告警", markdown, LINK));

        byte[] raw = wecom.getAllServeEvents().get(0).getRequest().getBody();
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)); // throws if broken
        String content = new ObjectMapper().readTree(raw).path("markdown").path("content").asText();
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096).isGreaterThan(4090);
        assertThat(content).startsWith("## 告警\nx磁盘已满🔥").endsWith("…\n[Details](" + LINK + ")");
    }

    @ParameterizedTest(name = "errcode {0} retryable: {1}")
    @CsvSource(delimiter = '|', value = {
            "45009 | true  | api freq out of limit",
            "-1    | true  | system busy",
            "93000 | false | invalid webhook url",
            "40058 | false | markdown.content exceed max length 4096"})
    void aNonZeroErrcodeIsARefusal(int errcode, boolean retryable, String errmsg) {
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(
                okJson("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + ", hint: [1700000000_1_abc], from ip: 10.0.0.1\"}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> robot().post(ChatMessage.of("t", "m")));

        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.system()).isEqualTo("wecom");
        assertThat(e.getMessage()).contains("errcode " + errcode).contains(errmsg).doesNotContain(KEY)
                .contains("key=<secret>");
    }

    @ParameterizedTest(name = "HTTP {0} retryable: {1}")
    @CsvSource({"400, false", "404, false", "429, true", "500, true", "503, true"})
    void classifiesHttpFailures(int status, boolean retryable) {
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(aResponse().withStatus(status)));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> robot().post(ChatMessage.of("t", "m")));

        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).contains("HTTP " + status).doesNotContain(KEY);
    }

    @Test
    void aRobotSlowerThanTheTimeoutIsRetryable() {
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}").withFixedDelay(3000)));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> robot().post(ChatMessage.of("t", "m")));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).doesNotContain(KEY);
    }

    private static WeComRobot robot() {
        return new WeComRobot(new WeComSettings(
                URI.create(wecom.baseUrl() + "/cgi-bin/webhook/send?key=" + KEY), TIMEOUT));
    }
}
