package io.itsmhub.connectors.mail;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML to readable text, for mail that comes as HTML only and for the text part of mail sent as HTML only. Not
 * an HTML parser: mail bodies are simple, the text goes into a ticket, and the connectors carry no HTML library.
 * The patterns never backtrack across more than one tag, so hostile input costs linear time.
 */
final class HtmlText {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern INVISIBLE = Pattern.compile(
            "<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Markers for where a line or a paragraph ends, so that runs of block tags make one break, not many. */
    private static final char LINE = '\u0001';
    private static final char PARAGRAPH = '\u0002';
    private static final Pattern MARKERS_IN_INPUT = Pattern.compile("[\\u0001\\u0002]");
    private static final Pattern PARAGRAPH_END = Pattern.compile(
            "</(?:p|h[1-6]|table|ul|ol|blockquote|pre)\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINE_END = Pattern.compile(
            "<br\\b[^>]*>|</?(?:p|div|li|tr|h[1-6]|table|ul|ol|blockquote|pre|hr)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BREAKS = Pattern.compile("[ \\u0001\\u0002]*[\\u0001\\u0002][ \\u0001\\u0002]*");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z!][^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern BLANKS = Pattern.compile("[ \\t\\u00A0]+");
    private static final Pattern EMPTY_LINES = Pattern.compile("\\n{3,}");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("copy", "©"), Map.entry("reg", "®"),
            Map.entry("hellip", "…"), Map.entry("mdash", "—"), Map.entry("ndash", "–"), Map.entry("lsquo", "‘"),
            Map.entry("rsquo", "’"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("bull", "•"),
            Map.entry("middot", "·"), Map.entry("times", "×"), Map.entry("yen", "¥"), Map.entry("euro", "€"));

    private HtmlText() {
    }

    static String toText(String html) {
        String s = MARKERS_IN_INPUT.matcher(html).replaceAll("");
        s = COMMENT.matcher(s).replaceAll("");
        s = INVISIBLE.matcher(s).replaceAll("");
        // Line breaks in HTML source are just spaces; the block tags say where lines end.
        s = WHITESPACE.matcher(s).replaceAll(" ");
        s = PARAGRAPH_END.matcher(s).replaceAll(String.valueOf(PARAGRAPH));
        s = LINE_END.matcher(s).replaceAll(String.valueOf(LINE));
        s = TAG.matcher(s).replaceAll("");
        s = BREAKS.matcher(s).replaceAll(m -> m.group().indexOf(PARAGRAPH) >= 0 ? "\n\n" : "\n");
        s = unescape(s);
        StringBuilder text = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            text.append(BLANKS.matcher(line).replaceAll(" ").strip()).append('\n');
        }
        return EMPTY_LINES.matcher(text).replaceAll("\n\n").strip();
    }

    private static String unescape(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    private static String decode(String entity, String whole) {
        if (entity.charAt(0) != '#') {
            return NAMED.getOrDefault(entity.toLowerCase(Locale.ROOT), whole);
        }
        boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
        int codePoint = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
        return Character.isValidCodePoint(codePoint) && codePoint != 0 ? Character.toString(codePoint) : whole;
    }
}
