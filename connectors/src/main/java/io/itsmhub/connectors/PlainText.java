package io.itsmhub.connectors;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text that people typed into a ticket, made safe to place into a message that a phone or a chat app turns into
 * links: every address is "defanged" ({@code http[:]//evil.example}, {@code www[.]evil.example}), so that it still reads as what was typed
 * but no client makes it clickable. Only the hub's own link, when named, stays a link.
 */
public final class PlainText {

    private static final Pattern SCHEME = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]{1,20})://");
    private static final Pattern WWW = Pattern.compile("(?i)\\bwww\\.");

    private PlainText() {
    }

    /** {@code text} with every link defanged except occurrences of {@code keep} (the hub's own address), if given. */
    public static String withoutLinks(String text, String keep) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (keep == null || keep.isEmpty() || !text.contains(keep)) {
            return defang(text);
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int at = text.indexOf(keep); at >= 0; at = text.indexOf(keep, from)) {
            out.append(defang(text.substring(from, at))).append(keep);
            from = at + keep.length();
        }
        return out.append(defang(text.substring(from))).toString();
    }

    public static String withoutLinks(String text) {
        return withoutLinks(text, null);
    }

    private static String defang(String text) {
        String schemes = SCHEME.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "[:]//"));
        return WWW.matcher(schemes).replaceAll("www[.]");
    }
}
