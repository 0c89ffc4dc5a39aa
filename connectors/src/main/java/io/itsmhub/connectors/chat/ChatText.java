package io.itsmhub.connectors.chat;

import io.itsmhub.connectors.PlainText;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text helpers the robots share: links, escapes and length limits. */
final class ChatText {

    /**
     * What Markdown (and the HTML that DingTalk's and WeCom's Markdown accept, e.g. {@code <font>}, {@code <@user>})
     * gives a meaning to: each is escaped with a backslash, which CommonMark defines for every ASCII punctuation.
     */
    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("[\\\\`*_\\[\\]()<>#!|~{}]");

    static final String ELLIPSIS = "…";
    static final String LINK_LABEL = "Details";

    private ChatText() {
    }

    /** A Markdown link to {@code link}; parentheses encoded so they cannot end the link early. */
    static String markdownLink(URI link) {
        return "[" + LINK_LABEL + "](" + link.toString().replace("(", "%28").replace(")", "%29") + ")";
    }

    /**
     * Plain text to show as written inside Markdown: links defanged (a chat app links a bare address too), then
     * every character Markdown gives a meaning to escaped, so {@code [x](http://evil)} and {@code **x**} stay text.
     */
    static String escapeMarkdown(String text) {
        return MARKDOWN_SPECIAL.matcher(PlainText.withoutLinks(text)).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }

    /** The message's body as Markdown: a plain body escaped, with each line its own paragraph. */
    static String markdownBody(ChatMessage message) {
        return message.plain() ? escapeMarkdown(message.markdown()).replaceAll("\\s*\\n\\s*", "\n\n") : message.markdown();
    }

    /**
     * {@code text} cut to at most {@code maxBytes} bytes of UTF-8, ending in "…" when cut, never splitting a
     * character: a broken multi-byte sequence makes a robot reject the whole body or show mojibake.
     */
    static String truncateUtf8(String text, int maxBytes) {
        if (utf8Length(text) <= maxBytes) {
            return text;
        }
        int budget = maxBytes - utf8Length(ELLIPSIS);
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = utf8Length(codePoint);
            if (used + size > budget) {
                break;
            }
            used += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /** {@code text} cut to at most {@code maxChars} UTF-16 chars, ending in "…", never splitting a surrogate pair. */
    static String truncateChars(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars - ELLIPSIS.length();
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
