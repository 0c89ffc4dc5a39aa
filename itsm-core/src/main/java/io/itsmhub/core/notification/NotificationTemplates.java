package io.itsmhub.core.notification;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * The messages of each event in each language, from {@code notifications/messages*.properties}: translators edit
 * those files, not code. Placeholders are named ({@code {number}}) so that a translation may reorder them.
 */
final class NotificationTemplates {

    static final Set<String> EVENTS = Set.of("incident-created", "major-incident", "incident-assigned",
            "incident-flapping", "sla-breached", "approval-needed", "request-approved", "request-rejected", "request-fulfilled", "fulfilment-failed",
            "change-failed", "change-suspected", "comment-added");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final Pattern URL = Pattern.compile("(https?://\\S+)");

    record Message(String subject, String text, String html) { }

    private NotificationTemplates() { }

    static Message render(String event, String language, Map<String, String> values) {
        ResourceBundle bundle = bundle(language);
        String subject = fill(bundle.getString(event + ".subject"), values);
        String text = fill(bundle.getString(event + ".text"), values).strip();
        return new Message(subject, text, html(text));
    }

    private static ResourceBundle bundle(String language) {
        Locale locale = language == null ? Locale.ENGLISH : Locale.forLanguageTag(language);
        try {
            // no fallback to the JVM's locale: an English reader on a Chinese server still reads English
            return ResourceBundle.getBundle("notifications.messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return ResourceBundle.getBundle("notifications.messages", Locale.ROOT);
        }
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString().replaceAll("[ \\t]+", " ");
    }

    /** The same text as simple HTML: escaped, line breaks kept, links clickable. */
    private static String html(String text) {
        String escaped = HtmlUtils.htmlEscape(text);
        return "<html><body><p>" + URL.matcher(escaped).replaceAll("<a href=\"$1\">$1</a>").replace("\n", "<br>\n")
                + "</p></body></html>";
    }
}
