package io.itsmhub.connectors.sms;

import com.fasterxml.jackson.core.JsonPointer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach the SMS gateway. A null {@code url} means SMS is not configured ({@link #configured()}); once it
 * is set, {@code bodyTemplate} is required. Example ({@code application.yml}, the token from the environment):
 * <pre>
 * hub.sms:
 *   url: https://sms.example.com/v1/send
 *   headers:
 *     "[Authorization]": Bearer ${SMS_TOKEN}
 *   body-template: '{"phone":"\${to}","message":"\${text}","sign":"ITSM"}'
 *   success-json-path: code
 *   success-value: "0"
 * </pre>
 * The backslashes matter: Spring resolves {@code ${…}} in every property value, and an unescaped {@code ${to}}
 * would be filled in at startup from any property or environment variable named {@code to} / {@code TO}.
 *
 * @param url             where messages are sent, or null
 * @param method          POST (default), PUT or PATCH
 * @param headers         extra request headers, e.g. {@code Authorization}; may replace the default
 *                        {@code Content-Type: application/json}. Values are treated as secrets.
 * @param bodyTemplate    the JSON body; {@code ${to}} (the number, spaces and dashes removed) and {@code ${text}}
 *                        are replaced by JSON-escaped values and must sit inside JSON strings
 * @param timeout         connect timeout and whole-request timeout; default 5s
 * @param successJsonPath optional field of a 2xx answer that says whether the gateway accepted the message: a dotted
 *                        path ({@code code}, {@code result.code}) or a JSON pointer ({@code /result/code}); without
 *                        it any 2xx is success
 * @param successValue    the text that field must have ({@code 0}, {@code OK}, {@code true}); required with the path
 */
@ConfigurationProperties("hub.sms")
public record SmsSettings(
        URI url,
        @DefaultValue("POST") String method,
        Map<String, String> headers,
        String bodyTemplate,
        @DefaultValue("5s") Duration timeout,
        String successJsonPath,
        String successValue) {

    static final String DEFAULT_METHOD = "POST";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");

    /** The defaults again, because {@code @DefaultValue} only applies when Spring binds, not to {@code new}. */
    public SmsSettings {
        method = method == null || method.isBlank() ? DEFAULT_METHOD : method.strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("hub.sms.method must be POST, PUT or PATCH, was " + method);
        }
        headers = validHeaders(headers);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("hub.sms.timeout must be positive, was " + timeout);
        }
        successJsonPath = successJsonPath == null || successJsonPath.isBlank() ? null : successJsonPath.strip();
        if (successJsonPath != null) {
            successPointer(successJsonPath);
            if (successValue == null) {
                throw new IllegalArgumentException(
                        "hub.sms.success-value is required when hub.sms.success-json-path is set");
            }
        } else if (successValue != null) {
            // Otherwise every 2xx would count as sent, which is not what whoever set the value meant.
            throw new IllegalArgumentException("hub.sms.success-value is set but hub.sms.success-json-path is not");
        }
        if (bodyTemplate != null) {
            BodyTemplate.parse(bodyTemplate); // fail at startup, not at the first outage notification
        }
        if (url != null) {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("hub.sms.url must be an http or https URL");
            }
            if (url.getRawUserInfo() != null) {
                throw new IllegalArgumentException("hub.sms.url must not carry credentials; use hub.sms.headers");
            }
            if (bodyTemplate == null) {
                throw new IllegalArgumentException("hub.sms.body-template is required when hub.sms.url is set");
            }
        }
    }

    /** Settings with the default method and timeout and no success field. */
    public static SmsSettings of(URI url, Map<String, String> headers, String bodyTemplate) {
        return new SmsSettings(url, null, headers, bodyTemplate, null, null, null);
    }

    /** Whether a gateway is configured at all; without one the hub sends no SMS. */
    public boolean configured() {
        return url != null;
    }

    /** The success field as a JSON pointer, or null when any 2xx is success. */
    JsonPointer successPointer() {
        return successJsonPath == null ? null : successPointer(successJsonPath);
    }

    /** The URL without its query values, which some gateways use for the API key. */
    String shownUrl() {
        if (url == null) {
            return null;
        }
        String text = url.toString();
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query) + "?<secret>";
    }

    /**
     * Never prints header values, query or body template: gateways take their API key in any of them, and
     * settings end up in logs and actuator output.
     */
    @Override
    public String toString() {
        String shownHeaders = new TreeMap<>(headers).keySet().stream().map(name -> name + "=<secret>")
                .collect(Collectors.joining(", ", "{", "}"));
        return "SmsSettings[url=" + shownUrl() + ", method=" + method + ", headers=" + shownHeaders
                + ", bodyTemplate=" + (bodyTemplate == null ? null : "<secret>") + ", timeout=" + timeout
                + ", successJsonPath=" + successJsonPath + ", successValue=" + successValue + "]";
    }

    private static JsonPointer successPointer(String path) {
        String pointer = path.startsWith("/") ? path
                : "/" + path.replace("~", "~0").replace("/", "~1").replace('.', '/');
        try {
            return JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hub.sms.success-json-path is not a valid path: " + path);
        }
    }

    /** The JDK client refuses some names (Host, Content-Length…) and control characters; say so at startup. */
    private static Map<String, String> validHeaders(Map<String, String> headers) {
        if (headers == null) {
            return Map.of();
        }
        headers.forEach((name, value) -> {
            if (value == null) {
                throw new IllegalArgumentException("hub.sms.headers." + name + " has no value");
            }
            try {
                HttpRequest.newBuilder().header(name, value);
            } catch (IllegalArgumentException e) {
                // Not e.getMessage(): it may quote the value, a secret.
                throw new IllegalArgumentException("hub.sms.headers." + name
                        + " is not a header the HTTP client may send (restricted name or invalid characters)");
            }
        });
        return Map.copyOf(headers);
    }
}
