package io.itsmhub.connectors.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.connectors.ConnectorException;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side the three robots share: one POST of JSON to a URL that is itself a credential, so every message
 * built here names the URL only in its masked form and has the secrets scrubbed from the peer's answer too.
 */
final class Webhook {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_TEXT = 200;
    private static final Logger log = LoggerFactory.getLogger(Webhook.class);

    private final String system;
    private final String shownUrl;
    private final Duration timeout;
    private final List<String> secrets;
    private final HttpClient http;

    /**
     * @param shownUrl the webhook URL as it may appear in logs and messages
     * @param secrets  texts that must never appear in a message (tokens, keys, signing secrets); nulls ignored
     */
    Webhook(String system, String shownUrl, Duration timeout, List<String> secrets) {
        this.system = system;
        this.shownUrl = shownUrl;
        this.timeout = timeout;
        this.secrets = secrets.stream().filter(Objects::nonNull).filter(s -> !s.isEmpty()).toList();
        // No redirects: a redirect to a login page must fail loudly, not count as posted. HTTP/1.1: the JDK's
        // cleartext HTTP/2 upgrade is of no use for one small POST and trips some proxies.
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** POSTs {@code body} as JSON; only an unreachable or silent peer fails here (retryable). */
    HttpResponse<String> post(URI url, Object body) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            log.debug("POST {} -> {}", shownUrl, response.statusCode());
            return response;
        } catch (IOException e) {
            // Refused, reset, DNS, connect or request timeout. The exception text may quote the URL: scrubbed.
            throw ConnectorException.retryable(system, "POST " + shownUrl + " failed: " + scrub(e.toString()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.retryable(system, "POST " + shownUrl + " interrupted", e);
        }
    }

    /** A failure for a non-2xx answer: 408, 429 and 5xx retryable, everything else permanent. */
    ConnectorException httpFailure(HttpResponse<String> response, String extra) {
        int status = response.statusCode();
        String message = "POST " + shownUrl + " answered HTTP " + status + ": " + shortText(response.body()) + extra;
        return ConnectorException.isRetryableStatus(status)
                ? ConnectorException.retryable(system, message, null)
                : ConnectorException.permanent(system, message, null);
    }

    /**
     * Checks DingTalk's and WeCom's answer: HTTP 200 with {@code {"errcode":0,"errmsg":"ok"}}; any other errcode
     * is a refusal, retryable only where {@code retryableCode} says a later attempt can succeed.
     */
    void checkErrcode(HttpResponse<String> response, IntPredicate retryableCode) {
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw httpFailure(response, "");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body() == null ? "" : response.body());
        } catch (JsonProcessingException e) {
            throw ConnectorException.permanent(system, "POST " + shownUrl + " answered unreadable JSON: "
                    + shortText(response.body()), e);
        }
        JsonNode errcode = answer == null ? null : answer.get("errcode");
        if (errcode == null || !errcode.canConvertToInt()) {
            // Not the robot API at all (a proxy, a wrong host): no retry changes that.
            throw ConnectorException.permanent(system, "POST " + shownUrl + " answered without an errcode: "
                    + shortText(response.body()), null);
        }
        int code = errcode.asInt();
        if (code == 0) {
            return;
        }
        String message = "POST " + shownUrl + " refused the message: errcode " + code + " "
                + shortText(answer.path("errmsg").asText(""));
        throw retryableCode.test(code)
                ? ConnectorException.retryable(system, message, null)
                : ConnectorException.permanent(system, message, null);
    }

    /** The start of a peer's text, secrets scrubbed. */
    String shortText(String text) {
        String t = scrub(text == null ? "" : text.strip());
        return t.length() <= MAX_ERROR_TEXT ? t : t.substring(0, MAX_ERROR_TEXT) + "…";
    }

    String scrub(String text) {
        String scrubbed = text;
        for (String secret : secrets) {
            scrubbed = scrubbed.replace(secret, "<secret>");
        }
        return scrubbed;
    }

    private String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw ConnectorException.permanent(system, "cannot write the request body: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code url} with every query value replaced by {@code <secret>}: where DingTalk and WeCom put the token. */
    static String maskQuery(URI url) {
        if (url == null || url.getRawQuery() == null) {
            return url == null ? null : url.toString();
        }
        String text = url.toString();
        String base = text.substring(0, text.indexOf('?'));
        List<String> masked = new ArrayList<>();
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            masked.add(eq < 0 ? pair : pair.substring(0, eq) + "=<secret>");
        }
        return base + "?" + String.join("&", masked);
    }

    /** The values of {@code url}'s query, raw and decoded, for {@link #scrub}. */
    static List<String> queryValues(URI url) {
        List<String> values = new ArrayList<>();
        if (url != null && url.getRawQuery() != null) {
            for (String pair : url.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq >= 0 && eq < pair.length() - 1) {
                    String raw = pair.substring(eq + 1);
                    values.add(raw);
                    try {
                        values.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException malformed) {
                        // the raw form is all there is to scrub
                    }
                }
            }
        }
        return values;
    }

    /** Refuses anything but an http(s) URL without user info; messages never quote the URL. */
    static URI checkUrl(String key, URI url) {
        if (url == null) {
            return null;
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException(key + " must be an http or https URL");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(key + " must not carry user info");
        }
        return url;
    }

    static Duration positive(String key, Duration value, Duration defaultValue) {
        Duration d = value == null ? defaultValue : value;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, was " + d);
        }
        return d;
    }
}
