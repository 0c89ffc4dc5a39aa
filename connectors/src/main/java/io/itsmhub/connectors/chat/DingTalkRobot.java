package io.itsmhub.connectors.chat;

import io.itsmhub.connectors.ConnectorException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link ChatClient} for a DingTalk custom robot: a markdown message, signed when the robot has a secret.
 * DingTalk answers HTTP 200 with {@code {"errcode":0,"errmsg":"ok"}}; a non-zero errcode is a refusal. Only
 * 130101 (sending too fast: 20 messages a minute per robot) and -1 (system busy) are worth a retry; 310000
 * (signature, keyword or IP check failed), 300001 / 400013 and other token errors are configuration
 * mistakes. Thread-safe.
 */
public class DingTalkRobot implements ChatClient {

    static final String CHANNEL = "dingtalk";
    private static final IntPredicate RETRYABLE = code -> code == 130101 || code == -1;

    private final DingTalkSettings settings;
    private final Clock clock;
    private final Webhook webhook;

    public DingTalkRobot(DingTalkSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** @param clock the time the signature carries; DingTalk refuses one more than an hour off */
    public DingTalkRobot(DingTalkSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!settings.configured()) {
            throw new IllegalArgumentException("hub.chat.dingtalk.webhook-url is not set");
        }
        List<String> secrets = new ArrayList<>(Webhook.queryValues(settings.webhookUrl()));
        secrets.add(settings.secret());
        this.webhook = new Webhook(CHANNEL, Webhook.maskQuery(settings.webhookUrl()), settings.timeout(), secrets);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void post(ChatMessage message) {
        Objects.requireNonNull(message, "message");
        Map<String, Object> markdown = new LinkedHashMap<>();
        markdown.put("title", message.title());
        markdown.put("text", text(message));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgtype", "markdown");
        body.put("markdown", markdown);
        webhook.checkErrcode(webhook.post(signedUrl(), body), RETRYABLE);
    }

    /**
     * DingTalk shows {@code title} only in the chat list and push notification, not in the message itself, so
     * the text repeats it as a heading. Paragraphs are separated by a blank line: DingTalk's markdown drops single
     * newlines. The title is a ticket's, shown as written.
     */
    static String text(ChatMessage message) {
        StringBuilder text = new StringBuilder("#### ").append(ChatText.escapeMarkdown(message.title()));
        if (!message.markdown().isEmpty()) {
            text.append("\n\n").append(ChatText.markdownBody(message));
        }
        if (message.link() != null) {
            text.append("\n\n").append(ChatText.markdownLink(message.link()));
        }
        return text.toString();
    }

    /** The webhook URL, plus {@code timestamp} and {@code sign} when the robot has a signing secret. */
    URI signedUrl() {
        URI url = settings.webhookUrl();
        if (settings.secret() == null) {
            return url;
        }
        long timestamp = clock.millis();
        String separator = url.getRawQuery() == null ? "?" : "&";
        return URI.create(url + separator + "timestamp=" + timestamp + "&sign=" + sign(settings.secret(), timestamp));
    }

    /**
     * DingTalk's signature: URL-encode(Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret))), with
     * {@code timestamp} in epoch milliseconds.
     */
    static String sign(String secret, long timestampMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Every Java runtime has HmacSHA256; this is a broken JVM, not a bad message.
            throw ConnectorException.permanent(CHANNEL, "cannot sign: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "DingTalkRobot[" + settings + "]";
    }
}
