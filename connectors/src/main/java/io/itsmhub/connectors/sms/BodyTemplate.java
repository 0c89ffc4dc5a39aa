package io.itsmhub.connectors.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's JSON body with {@code ${to}} and {@code ${text}} filled in. Values are inserted JSON-escaped,
 * in one pass (a text that itself contains {@code ${to}} stays as written), and the rest of the template is sent
 * byte for byte as configured, so a gateway's picky field order or number format survives.
 */
final class BodyTemplate {

    static final String KEY = "hub.sms.body-template";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    // Filled in at validation: characters that break JSON unless escaped, and non-ASCII text.
    private static final String PROBE_TO = "+8613800138000";
    private static final String PROBE_TEXT = "probe \"quoted\" \\ back\nslash 中文 ✓";

    private final String template;

    private BodyTemplate(String template) {
        this.template = template;
    }

    /**
     * Checks the template once, at configuration time: both placeholders present, no unknown ones (a typo like
     * {@code ${phone}} would otherwise reach every recipient verbatim), and valid JSON once filled in, which
     * also means every placeholder sits inside a JSON string.
     *
     * @throws IllegalArgumentException naming {@value #KEY}; never quoting the template, which may hold an API key
     */
    static BodyTemplate parse(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException(KEY + " is empty");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        boolean to = false;
        boolean text = false;
        while (m.find()) {
            switch (m.group(1)) {
                case "to" -> to = true;
                case "text" -> text = true;
                default -> throw new IllegalArgumentException(KEY + " has an unknown placeholder ${" + m.group(1)
                        + "}; only ${to} and ${text} are filled in");
            }
        }
        if (!to || !text) {
            throw new IllegalArgumentException(KEY + " must contain both ${to} and ${text}");
        }
        BodyTemplate parsed = new BodyTemplate(template);
        try {
            JSON.readTree(parsed.render(PROBE_TO, PROBE_TEXT));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException(KEY + " is not valid JSON once ${to} and ${text} are filled in"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + "; placeholders must sit inside JSON strings, e.g. {\"phone\":\"${to}\",\"message\":\"${text}\"}");
        }
        return parsed;
    }

    String render(String to, String text) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + text.length() + 32);
        while (m.find()) {
            String value = m.group(1).equals("to") ? to : text;
            m.appendReplacement(out, Matcher.quoteReplacement(escape(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** JSON string content without the quotes: the placeholder already sits between the template's quotes. */
    static String escape(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(value));
    }
}
