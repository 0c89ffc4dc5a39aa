package io.itsmhub.connectors.oa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.connectors.ConnectorException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OaClient} over HTTP: POSTs the request as JSON, signed per {@link OaSignature}, and expects a 2xx (200 or
 * 201 in practice) with {@code {"id":"…"}}; a 2xx without an id (204 included) is a permanent failure. Thread-safe; make one per OA system and share it.
 */
public class HttpOaClient implements OaClient {

    static final String SYSTEM = "oa";
    private static final int MAX_ERROR_TEXT = 200;
    private static final Logger log = LoggerFactory.getLogger(HttpOaClient.class);

    private final OaSettings settings;
    private final Clock clock;
    private final String target;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public HttpOaClient(OaSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** @param clock the time the signature carries; the OA system refuses one far from its own clock */
    public HttpOaClient(OaSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!settings.configured()) {
            throw new IllegalArgumentException("hub.oa.url is not set");
        }
        this.target = settings.url().getHost() + (settings.url().getPort() < 0 ? "" : ":" + settings.url().getPort());
        // No redirects: a redirect to a login page must fail loudly, and would carry the signed body elsewhere.
        // HTTP/1.1: the JDK's cleartext HTTP/2 upgrade gains nothing for one POST and trips some proxies.
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public String submit(OaApprovalRequest request) {
        Objects.requireNonNull(request, "request");
        String body = write(request);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest post = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(OaSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(OaSignature.SIGNATURE_HEADER, OaSignature.sign(settings.secret(), timestamp, body))
                // The exact string that was signed, as UTF-8, as the signature says.
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = exchange(post, request.approvalId());
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            String message = "submitting approval " + request.approvalId() + " to " + target + " answered HTTP "
                    + status + ": " + truncate(response.body());
            throw ConnectorException.isRetryableStatus(status)
                    ? ConnectorException.retryable(SYSTEM, message, null)
                    : ConnectorException.permanent(SYSTEM, message, null);
        }
        String id = id(response.body());
        if (id == null) {
            // The OA system took it but gave nothing to correlate with; resubmitting would duplicate it.
            throw ConnectorException.permanent(SYSTEM, "submitting approval " + request.approvalId() + " to "
                    + target + " answered HTTP " + status + " without an id: " + truncate(response.body()), null);
        }
        log.debug("approval {} submitted to {} as {}", request.approvalId(), target, id);
        return id;
    }

    private HttpResponse<String> exchange(HttpRequest request, String approvalId) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ConnectorException.retryable(SYSTEM, "submitting approval " + approvalId + " to " + target
                    + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.retryable(SYSTEM, "submitting approval " + approvalId + " interrupted", e);
        }
    }

    /** The answer's {@code id} (a string, or a number as text), or null when absent, blank or unreadable. */
    private String id(String body) {
        try {
            JsonNode answer = json.readTree(body == null ? "" : body);
            JsonNode id = answer == null ? null : answer.get("id");
            if (id == null || !(id.isTextual() || id.isNumber()) || id.asText().isBlank()) {
                return null;
            }
            return id.asText();
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /** Fixed field order and explicit nulls: the OA side sees one stable shape. */
    private String write(OaApprovalRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("approvalId", request.approvalId());
        body.put("ticket", request.ticket());
        body.put("title", request.title());
        body.put("requester", request.requester());
        body.put("approver", request.approver());
        body.put("summary", request.summary());
        body.put("link", request.link() == null ? null : request.link().toString());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw ConnectorException.permanent(SYSTEM, "cannot write the request body: " + e.getOriginalMessage(), e);
        }
    }

    private static String truncate(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() <= MAX_ERROR_TEXT ? t : t.substring(0, MAX_ERROR_TEXT) + "…";
    }

    @Override
    public String toString() {
        return "HttpOaClient[" + settings + "]";
    }
}
