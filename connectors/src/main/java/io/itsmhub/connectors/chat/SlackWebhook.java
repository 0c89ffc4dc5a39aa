package io.itsmhub.connectors.chat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link ChatClient} for a Slack incoming webhook: one section block in mrkdwn, with the title as the plain-text
 * fallback Slack shows in notifications. Slack answers 200 {@code ok}; its errors come as HTTP statuses with a
 * short code: 400 {@code invalid_payload}, 403 {@code invalid_token}, 404 {@code no_service}, 410
 * {@code channel_is_archived} (permanent), 429 with {@code Retry-After} and 5xx (retryable). Thread-safe.
 */
public class SlackWebhook implements ChatClient {

    static final String CHANNEL = "slack";
    /** Slack refuses a section whose text is longer (400 {@code invalid_blocks}). */
    static final int MAX_SECTION_CHARS = 3000;

    private final SlackSettings settings;
    private final Webhook webhook;

    public SlackWebhook(SlackSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!settings.configured()) {
            throw new IllegalArgumentException("hub.chat.slack.webhook-url is not set");
        }
        this.webhook = new Webhook(CHANNEL, settings.shownUrl(), settings.timeout(),
                List.of(settings.webhookUrl().getRawPath()));
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void post(ChatMessage message) {
        Objects.requireNonNull(message, "message");
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("type", "mrkdwn");
        text.put("text", sectionText(message));
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("type", "section");
        section.put("text", text);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", SlackMrkdwn.escape(message.title()));
        body.put("blocks", List.of(section));

        HttpResponse<String> response = webhook.post(settings.webhookUrl(), body);
        int status = response.statusCode();
        if (status == 200 && "ok".equals(response.body() == null ? null : response.body().strip())) {
            return;
        }
        if (status >= 200 && status < 300) {
            // Not Slack (a proxy's page, a wrong URL) or a Slack we do not know: no retry changes that.
            throw webhook.httpFailure(response, " (expected ok)");
        }
        // Slack says how long to back off; the routes' retry policy may read it from the message.
        String retryAfter = response.headers().firstValue("Retry-After").map(s -> ", retry after " + s + "s").orElse("");
        throw webhook.httpFailure(response, status == 429 ? retryAfter : "");
    }

    /** Bold title, body and link, cut to Slack's section limit with the link kept. */
    static String sectionText(ChatMessage message) {
        String head = "*" + SlackMrkdwn.escape(message.title()) + "*"
                + (message.markdown().isEmpty() ? "" : "\n" + SlackMrkdwn.fromMarkdown(message.markdown()));
        String tail = message.link() == null ? ""
                : "\n<" + SlackMrkdwn.escape(message.link().toString()) + "|" + ChatText.LINK_LABEL + ">";
        if (tail.length() > MAX_SECTION_CHARS / 2) {
            tail = "";
        }
        return ChatText.truncateChars(head, MAX_SECTION_CHARS - tail.length()) + tail;
    }

    @Override
    public String toString() {
        return "SlackWebhook[" + settings + "]";
    }
}
