package io.itsmhub.connectors.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.itsmhub.connectors.ConnectorException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackWebhookTest {

    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final ChatMessage MESSAGE = new ChatMessage("P1: db-1 <down> & out",
            "## Impact\n**payments** fail, see [runbook](https://wiki.example/db?a=1)",
            URI.create("https://itsm.example/tickets/INC-000042"));

    @Test
    void postsTheFallbackTextAndOneMrkdwnSection() {
        slack.stubFor(post(PATH).willReturn(ok("ok")));

        webhook().post(MESSAGE);

        slack.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"text":"P1: db-1 &lt;down&gt; &amp; out",
                         "blocks":[{"type":"section","text":{"type":"mrkdwn","text":
                           "*P1: db-1 &lt;down&gt; &amp; out*\\n*Impact*\\n*payments* fail, see <https://wiki.example/db?a=1|runbook>\\n<https://itsm.example/tickets/INC-000042|Details>"}}]}
                        """)));
    }

    @Test
    void aSectionIsCutToSlacksLimitKeepingTheLink() throws Exception {
        slack.stubFor(post(PATH).willReturn(ok("ok")));

        webhook().post(new ChatMessage("t", "🔥".repeat(2000), URI.create("https://itsm.example/t/1")));

        JsonNode body = new ObjectMapper().readTree(slack.getAllServeEvents().get(0).getRequest().getBodyAsString());
        String text = body.path("blocks").path(0).path("text").path("text").asText();
        assertThat(text.length()).isLessThanOrEqualTo(3000);
        assertThat(text).endsWith("🔥…\n<https://itsm.example/t/1|Details>");
    }

    /** Slack's mrkdwn has no escape for {@code *} or {@code <!channel>}: ticket text goes as plain_text instead. */
    @Test
    void aPlainTextMessageArrivesAsLiteralTextWithOnlyTheHubsLink() {
        slack.stubFor(post(PATH).willReturn(ok("ok")));

        webhook().post(ChatMessage.plainText("[click](http://evil.example) @all <!channel> **x**", "<https://evil.example|Reset password> @here *now*",
                URI.create("https://itsm.example/t/INC-000042")));

        slack.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"text":"[click](http[:]//evil.example) @\u200Ball &lt;!channel&gt; **x**",
                 "blocks":[
                  {"type":"header","text":{"type":"plain_text","text":"[click](http[:]//evil.example) @all <!channel> **x**"}},
                  {"type":"section","text":{"type":"plain_text","text":"<https[:]//evil.example|Reset password> @here *now*"}},
                  {"type":"section","text":{"type":"mrkdwn","text":"<https://itsm.example/t/INC-000042|Details>"}}]}
                """)));
    }

    @Test
    void okIsSuccess() {
        slack.stubFor(post(PATH).willReturn(ok("ok")));

        assertThatNoException().isThrownBy(() -> webhook().post(ChatMessage.of("t", "")));
    }

    @ParameterizedTest(name = "HTTP {0} {1}")
    @CsvSource({"400, invalid_payload", "403, invalid_token", "404, no_service", "410, channel_is_archived",
            "403, action_prohibited", "200, <html>proxy</html>"})
    void refusalsArePermanentAndSayWhy(int status, String answer) {
        slack.stubFor(post(PATH).willReturn(aResponse().withStatus(status).withBody(answer)));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> webhook().post(MESSAGE));

        assertThat(e.retryable()).isFalse();
        assertThat(e.system()).isEqualTo("slack");
        assertThat(e.getMessage()).contains("HTTP " + status).contains(answer).doesNotContain("XXXXXXXX");
    }

    @Test
    void rateLimitingIsRetryableAndSaysWhenToComeBack() {
        slack.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withBody("rate_limited")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> webhook().post(MESSAGE));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("HTTP 429").contains("rate_limited").contains("retry after 30s");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"500, rollup_error", "502, ''", "503, ''"})
    void serverErrorsAreRetryable(int status, String answer) {
        slack.stubFor(post(PATH).willReturn(aResponse().withStatus(status).withBody(answer)));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> webhook().post(MESSAGE));

        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aSlackSlowerThanTheTimeoutIsRetryable() {
        slack.stubFor(post(PATH).willReturn(ok("ok").withFixedDelay(3000)));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> webhook().post(MESSAGE));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).doesNotContain("XXXXXXXX").contains("/<secret>");
    }

    private static SlackWebhook webhook() {
        return new SlackWebhook(new SlackSettings(URI.create(slack.baseUrl() + PATH), TIMEOUT));
    }
}
