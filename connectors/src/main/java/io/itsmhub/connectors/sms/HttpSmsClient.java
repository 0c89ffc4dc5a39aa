package io.itsmhub.connectors.sms;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.connectors.ConnectorException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SmsClient} for any HTTP gateway, shaped by {@link SmsSettings}. Thread-safe; make one per gateway and
 * share it. Phone numbers are only logged masked and texts never, at any level.
 */
public class HttpSmsClient implements SmsClient {

    static final String SYSTEM = "sms";
    private static final int MAX_ERROR_TEXT = 200;
    // Where gateways usually put their human-readable reason; shown in failures instead of the whole answer,
    // which may echo the recipient and the text.
    private static final List<String> REASON_FIELDS = List.of("message", "msg", "errmsg", "error", "description",
            "reason");
    private static final Logger log = LoggerFactory.getLogger(HttpSmsClient.class);

    private final SmsSettings settings;
    private final BodyTemplate template;
    private final JsonPointer successPointer;
    private final String target;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /** @throws IllegalArgumentException when the settings have no URL */
    public HttpSmsClient(SmsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!settings.configured()) {
            throw new IllegalArgumentException("hub.sms.url is not set");
        }
        this.template = BodyTemplate.parse(settings.bodyTemplate());
        this.successPointer = settings.successPointer();
        // For messages: host and port only, since the path or query may hold an API key.
        this.target = settings.url().getHost() + (settings.url().getPort() < 0 ? "" : ":" + settings.url().getPort());
        // No redirects: a redirect to a login page must fail loudly, not count as a sent message. HTTP/1.1: the
        // JDK's cleartext HTTP/2 upgrade headers confuse some gateways, and one small POST gains nothing from h2.
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public void send(String phone, String text) {
        String to = PhoneNumber.normalize(phone);
        if (text == null || text.isBlank()) {
            throw ConnectorException.permanent(SYSTEM, "refusing to send an empty text to " + PhoneNumber.masked(to),
                    null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .method(settings.method(), HttpRequest.BodyPublishers.ofString(template.render(to, text),
                        StandardCharsets.UTF_8));
        settings.headers().forEach(request::setHeader);
        HttpResponse<String> response = exchange(request.build(), to);
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            String message = "gateway " + target + " answered HTTP " + status + ": " + reason(response.body());
            throw ConnectorException.isRetryableStatus(status)
                    ? ConnectorException.retryable(SYSTEM, message, null)
                    : ConnectorException.permanent(SYSTEM, message, null);
        }
        checkAccepted(response.body());
        log.debug("SMS to {} accepted by {} (HTTP {})", PhoneNumber.masked(to), target, status);
    }

    private HttpResponse<String> exchange(HttpRequest request, String to) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Refused, reset, DNS, connect or request timeout: the gateway may be back in a moment. A timeout
            // after the gateway got the request may send the message twice on retry; a late SMS beats none.
            throw ConnectorException.retryable(SYSTEM, "sending to " + PhoneNumber.masked(to) + " via " + target
                    + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.retryable(SYSTEM, "sending via " + target + " interrupted", e);
        }
    }

    /**
     * Many gateways answer 200 to everything and put the verdict in a field. A refusal there (unapproved sign,
     * blocked number, no balance) is permanent: this connector cannot tell the gateway's codes apart.
     */
    private void checkAccepted(String body) {
        if (successPointer == null) {
            return;
        }
        JsonNode answer;
        try {
            answer = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw ConnectorException.permanent(SYSTEM, "gateway " + target + " answered unreadable JSON, expected "
                    + settings.successJsonPath() + ": " + e.getOriginalMessage(), e);
        }
        JsonNode field = answer == null ? null : answer.at(successPointer);
        if (field == null || field.isMissingNode() || field.isNull()) {
            throw ConnectorException.permanent(SYSTEM, "gateway " + target + " answered without "
                    + settings.successJsonPath(), null);
        }
        String value = field.isValueNode() ? field.asText() : field.toString();
        if (!value.equals(settings.successValue())) {
            throw ConnectorException.permanent(SYSTEM, "gateway " + target + " refused the message: "
                    + settings.successJsonPath() + "=" + truncate(value)
                    + (reasonField(answer) == null ? "" : ": " + reasonField(answer)), null);
        }
    }

    /** The gateway's reason field when the answer is JSON, else the start of the raw answer. */
    private String reason(String body) {
        String text = body == null ? "" : body.strip();
        try {
            JsonNode node = json.readTree(text);
            if (node != null && node.isObject() && reasonField(node) != null) {
                return reasonField(node);
            }
        } catch (JsonProcessingException notJson) {
            // keep the raw text
        }
        return truncate(text);
    }

    /** The first reason field with text, truncated, or null. */
    private static String reasonField(JsonNode answer) {
        for (String name : REASON_FIELDS) {
            JsonNode field = answer.path(name);
            if (field.isValueNode() && !field.asText().isBlank()) {
                return truncate(field.asText());
            }
        }
        return null;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT) + "…";
    }

    @Override
    public String toString() {
        return "HttpSmsClient[" + settings + "]";
    }
}
