package io.itsmhub.connectors.chat;

import io.itsmhub.connectors.PlainText;
import java.net.http.HttpResponse;
import java.util.ArrayList;
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
    /** Slack refuses a header block whose text is longer. */
    static final int MAX_HEADER_CHARS = 150;

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
        Map<String, Object> body = new LinkedHashMap<>();
        if (message.plain()) {
            body.put("text", fallbackText(message.title()));
            body.put("blocks", plainBlocks(message));
        } else {
            body.put("text", SlackMrkdwn.escape(message.title()));
            body.put("blocks", List.of(block("section", "mrkdwn", sectionText(message))));
        }

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

    /**
     * A message shown as written: the title as a header and the body as a section, both {@code plain_text}, which
     * Slack renders without formatting, links or mentions ({@code <!channel>}, {@code *x*} and {@code <url|x>} stay
     * text); addresses defanged, since Slack links bare ones. Only the hub's link is mrkdwn, written here.
     */
    static List<Map<String, Object>> plainBlocks(ChatMessage message) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(block("header", "plain_text", ChatText.truncateChars(PlainText.withoutLinks(message.title()), MAX_HEADER_CHARS)));
        if (!message.markdown().isEmpty()) {
            blocks.add(block("section", "plain_text",
                    ChatText.truncateChars(PlainText.withoutLinks(message.markdown()), MAX_SECTION_CHARS)));
        }
        if (message.link() != null && message.link().toString().length() < MAX_SECTION_CHARS / 2) {
            blocks.add(block("section", "mrkdwn", "<" + SlackMrkdwn.escape(message.link().toString()) + "|"
                    + ChatText.LINK_LABEL + ">"));
        }
        return blocks;
    }

    /**
     * The notification preview: Slack's three reserved characters escaped, and a zero-width space after each
     * {@code @} so that no {@code @channel} or {@code @here} in a ticket's title pings anyone.
     */
    static String fallbackText(String title) {
        return SlackMrkdwn.escape(PlainText.withoutLinks(title)).replace("@", "@\u200B");
    }

    private static Map<String, Object> block(String type, String textType, String text) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("type", textType);
        content.put("text", text);
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", type);
        block.put("text", content);
        return block;
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
