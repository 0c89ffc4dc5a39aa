package io.itsmhub.connectors.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * {@link ChatClient} for a WeCom group robot: a markdown message of at most 4096 bytes of UTF-8 (WeCom refuses
 * longer ones, so they are cut). WeCom answers HTTP 200 with {@code {"errcode":0,"errmsg":"ok"}}; only 45009
 * (API frequency limit: 20 messages a minute per robot) and -1 (system busy) are worth a retry; 93000 (invalid
 * webhook URL) and the rest are not. Thread-safe.
 */
public class WeComRobot implements ChatClient {

    static final String CHANNEL = "wecom";
    static final int MAX_CONTENT_BYTES = 4096;
    private static final IntPredicate RETRYABLE = code -> code == 45009 || code == -1;

    private final WeComSettings settings;
    private final Webhook webhook;

    public WeComRobot(WeComSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!settings.configured()) {
            throw new IllegalArgumentException("hub.chat.wecom.webhook-url is not set");
        }
        this.webhook = new Webhook(CHANNEL, Webhook.maskQuery(settings.webhookUrl()), settings.timeout(),
                List.copyOf(Webhook.queryValues(settings.webhookUrl())));
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void post(ChatMessage message) {
        Objects.requireNonNull(message, "message");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgtype", "markdown");
        body.put("markdown", Map.of("content", content(message)));
        webhook.checkErrcode(webhook.post(settings.webhookUrl(), body), RETRYABLE);
    }

    /** Heading, body, link; when too long the body is cut, so the link to the full text survives. */
    static String content(ChatMessage message) {
        String head = "## " + ChatText.escapeMarkdown(message.title())
                + (message.markdown().isEmpty() ? "" : "\n" + ChatText.markdownBody(message));
        String tail = message.link() == null ? "" : "\n" + ChatText.markdownLink(message.link());
        if (ChatText.utf8Length(tail) > MAX_CONTENT_BYTES / 2) {
            tail = ""; // an absurd URL: better the message without it than a link without the message
        }
        return ChatText.truncateUtf8(head, MAX_CONTENT_BYTES - ChatText.utf8Length(tail)) + tail;
    }

    @Override
    public String toString() {
        return "WeComRobot[" + settings + "]";
    }
}
