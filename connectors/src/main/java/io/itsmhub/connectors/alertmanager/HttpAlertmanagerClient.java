package io.itsmhub.connectors.alertmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.itsmhub.connectors.ConnectorException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AlertmanagerClient} over Alertmanager's HTTP API v2 with the JDK {@link HttpClient}. Thread-safe; make
 * one per Alertmanager and share it.
 */
public class HttpAlertmanagerClient implements AlertmanagerClient {

    static final String SYSTEM = "alertmanager";
    private static final int MAX_ERROR_TEXT = 500;
    private static final Logger log = LoggerFactory.getLogger(HttpAlertmanagerClient.class);

    private final String baseUrl;
    private final String target;
    private final AlertmanagerSettings settings;
    private final String authorization;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Alertmanager adds fields between releases; reading must not break on them.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public HttpAlertmanagerClient(AlertmanagerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        // Keep a path prefix (Alertmanager behind a proxy or with --web.route-prefix).
        this.baseUrl = settings.url().toString().replaceAll("/+$", "");
        // For messages: host and port only, so a URL with user:password@ never reaches a log.
        this.target = settings.url().getHost() + ":" + settings.url().getPort();
        this.authorization = authorizationHeader(settings);
        // No redirects: a redirect to a login page must fail loudly, not be parsed as an answer.
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String createSilence(Map<String, String> equalMatchers, Instant startsAt, Instant endsAt,
            String createdBy, String comment) {
        List<Map<String, Object>> matchers = new ArrayList<>();
        equalMatchers.forEach((name, value) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("value", value);
            m.put("isRegex", false);
            m.put("isEqual", true);
            matchers.add(m);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("matchers", matchers);
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        body.put("createdBy", createdBy);
        body.put("comment", comment);
        // Validation (no matchers, end before start…) is left to Alertmanager: one rule book, its error text.
        JsonNode answer = parse(send("POST", "/api/v2/silences", body), "POST /api/v2/silences");
        String id = answer.path("silenceID").asText("");
        if (id.isEmpty()) {
            throw ConnectorException.permanent(SYSTEM, "POST /api/v2/silences answered without a silenceID", null);
        }
        return id;
    }

    @Override
    public void expireSilence(String silenceId) {
        Objects.requireNonNull(silenceId, "silenceId");
        String path = "/api/v2/silence/" + URLEncoder.encode(silenceId, StandardCharsets.UTF_8);
        HttpResponse<String> response = exchange("DELETE", path, null);
        if (isSuccess(response.statusCode()) || isGone(response)) {
            return;
        }
        throw failure("DELETE " + path, response);
    }

    @Override
    public List<SilenceState> silences(Map<String, String> equalFilter) {
        JsonNode answer = parse(send("GET", "/api/v2/silences" + filterQuery(equalFilter), null), "GET /api/v2/silences");
        List<SilenceState> silences = new ArrayList<>();
        for (JsonNode silence : answer) {
            Map<String, String> matchers = new LinkedHashMap<>();
            for (JsonNode m : silence.path("matchers")) {
                if (!m.path("isRegex").asBoolean(false) && m.path("isEqual").asBoolean(true)) {
                    matchers.put(m.path("name").asText(), m.path("value").asText());
                }
            }
            silences.add(new SilenceState(silence.path("id").asText(), silence.path("status").path("state").asText(null),
                    silence.path("createdBy").asText(null), silence.path("comment").asText(null), matchers));
        }
        return silences;
    }

    @Override
    public List<AlertState> alerts(Map<String, String> equalFilter) {
        JsonNode answer = parse(send("GET", "/api/v2/alerts" + filterQuery(equalFilter), null), "GET /api/v2/alerts");
        List<AlertState> alerts = new ArrayList<>();
        for (JsonNode alert : answer) {
            Map<String, String> labels = new LinkedHashMap<>();
            alert.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            List<String> silencedBy = new ArrayList<>();
            alert.path("status").path("silencedBy").forEach(id -> silencedBy.add(id.asText()));
            alerts.add(new AlertState(alert.path("fingerprint").asText(null), labels,
                    alert.path("status").path("state").asText(null), silencedBy));
        }
        return alerts;
    }

    private static String filterQuery(Map<String, String> equalFilter) {
        Objects.requireNonNull(equalFilter, "equalFilter");
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        equalFilter.forEach((name, value) ->
                query.add("filter=" + queryEncode(name + "=\"" + escapeMatcherValue(value) + "\"")));
        return query.toString();
    }

    @Override
    public void postAlerts(List<Map<String, Object>> alerts) {
        send("POST", "/api/v2/alerts", Objects.requireNonNull(alerts, "alerts"));
    }

    /**
     * Alertmanager 0.25 answers an unknown silence id with 500 "silence not found" (seen in the tests); other
     * releases may say 404 or "already expired". Either way the silence is not muting, which is the goal.
     */
    private static boolean isGone(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        return response.statusCode() == 404 || (response.statusCode() == 500
                && (body.contains("silence not found") || body.contains("already expired")));
    }

    /** The matcher grammar's escapes inside a quoted value: backslash, double quote and newline. */
    static String escapeMatcherValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** %20 rather than URLEncoder's form-style '+', which not every server or proxy reads as a space. */
    private static String queryEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String send(String method, String path, Object body) {
        HttpResponse<String> response = exchange(method, path, body);
        if (!isSuccess(response.statusCode())) {
            throw failure(method + " " + path, response);
        }
        return response.body();
    }

    private HttpResponse<String> exchange(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(settings.timeout())
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            log.debug("{} {} -> {}", method, path, response.statusCode());
            return response;
        } catch (IOException e) {
            // Refused, reset, DNS, connect or request timeout: the peer may be back in a moment.
            throw ConnectorException.retryable(SYSTEM, method + " " + path + " at " + target + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.retryable(SYSTEM, method + " " + path + " interrupted", e);
        }
    }

    private ConnectorException failure(String call, HttpResponse<String> response) {
        int status = response.statusCode();
        String message = call + " answered HTTP " + status + ": " + errorText(response.body());
        return ConnectorException.isRetryableStatus(status)
                ? ConnectorException.retryable(SYSTEM, message, null)
                : ConnectorException.permanent(SYSTEM, message, null);
    }

    /** Alertmanager errors are a JSON string or {"code","message"}; anything else (a proxy page) goes as is. */
    private String errorText(String body) {
        String text = body == null ? "" : body.strip();
        try {
            JsonNode node = json.readTree(text);
            if (node != null && node.isTextual()) {
                text = node.asText();
            } else if (node != null && node.hasNonNull("message")) {
                text = node.get("message").asText();
            }
        } catch (JsonProcessingException notJson) {
            // keep the raw text
        }
        return text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT) + "…";
    }

    private JsonNode parse(String body, String call) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            // A 2xx that is not JSON is a wrong URL (some other server), which no retry fixes.
            throw ConnectorException.permanent(SYSTEM, call + " answered unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw ConnectorException.permanent(SYSTEM, "cannot write request body: " + e.getOriginalMessage(), e);
        }
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static String authorizationHeader(AlertmanagerSettings s) {
        if (s.username() != null && !s.username().isEmpty()) {
            String pair = s.username() + ":" + (s.password() == null ? "" : s.password());
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        if (s.bearerToken() != null && !s.bearerToken().isEmpty()) {
            return "Bearer " + s.bearerToken();
        }
        return null;
    }

    @Override
    public String toString() {
        return "HttpAlertmanagerClient[" + settings + "]";
    }
}
