package io.itsmhub.connectors.chat;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Text helpers the robots share: links and length limits. */
final class ChatText {

    static final String ELLIPSIS = "…";
    static final String LINK_LABEL = "Details";

    private ChatText() {
    }

    /** A Markdown link to {@code link}; parentheses encoded so they cannot end the link early. */
    static String markdownLink(URI link) {
        return "[" + LINK_LABEL + "](" + link.toString().replace("(", "%28").replace(")", "%29") + ")";
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
