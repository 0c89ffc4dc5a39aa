package io.itsmhub.connectors.chat;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Common Markdown to Slack's "mrkdwn", for the constructs notifications use: Slack requires {@code &}, {@code <}
 * and {@code >} escaped, writes links as {@code <url|text>}, bold as {@code *x*}, italics as {@code _x_},
 * strike-through as {@code ~x~}, and has no headings (shown bold instead). Anything else passes unchanged.
 */
final class SlackMrkdwn {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)]\\(([^)\\s]+)\\)");
    private static final Pattern ITALIC_STAR = Pattern.compile("(?<![*\\w])\\*(?=[^*\\s])([^*\\n]*?[^*\\s])\\*(?![*\\w])");
    private static final Pattern BOLD = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}[ \\t]+(.+?)[ \\t#]*$");

    private SlackMrkdwn() {
    }

    static String fromMarkdown(String markdown) {
        String text = escape(markdown);
        text = replace(LINK, text, m -> "<" + m.group(2) + "|" + m.group(1).replace("|", "¦") + ">");
        text = replace(ITALIC_STAR, text, m -> "_" + m.group(1) + "_");
        text = replace(BOLD, text, m -> "*" + m.group(2) + "*");
        text = replace(STRIKE, text, m -> "~" + m.group(1) + "~");
        // A heading is bold as a whole; bold inside it would close and reopen it.
        return replace(HEADING, text, m -> "*" + m.group(1).replace("*", "") + "*");
    }

    /** The three characters Slack's message format reserves. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String replace(Pattern pattern, String text, Function<MatchResult, String> with) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(with.apply(m)));
    }
}
