package io.itsmhub.core.journal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders journal lines in a reader's language from {@code journal/messages*.properties} (English is the base
 * bundle, Simplified Chinese {@code _zh_CN}). At the edge only: the API for its caller, the console for its user;
 * nothing stores a rendered line.
 * <p>
 * A transition line's first argument is the workflow action; its key is that of the note that goes with it
 * ({@link JournalKeys#TRANSITION} when there is none) and the note's own arguments follow the action. The action is
 * named through {@code action.<name>} when the bundle knows it, then joined to the note by
 * {@link JournalKeys#TRANSITION_WITH_NOTE}.
 */
public final class JournalRenderer {

    /** The languages the journal is written in; anything else reads English. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    static final String BUNDLE = "journal.messages";

    private JournalRenderer() { }

    /** The line's message in {@code locale}; a line written before keys keeps its stored text. */
    public static String render(JournalEntryView line, Locale locale) {
        if (line.messageKey() == null) {
            return line.message();
        }
        ResourceBundle words = bundle(locale);
        if (line.kind() != JournalEntry.Kind.TRANSITION || line.args().isEmpty()) {
            return format(words, line.messageKey(), line.args(), locale);
        }
        String action = action(words, line.args().get(0));
        String note = note(words, line, locale);
        return note == null ? format(words, JournalKeys.TRANSITION, List.of(action), locale)
                : format(words, JournalKeys.TRANSITION_WITH_NOTE, List.of(action, note), locale);
    }

    /**
     * A message in English, for the few stored fields outside the journal that always held the hub's English text
     * (a request's close note): they keep it until they get keys of their own.
     */
    public static String english(JournalMessage message) {
        return message == null ? null : format(bundle(Locale.ENGLISH), message.key(), message.args(), Locale.ENGLISH);
    }

    /** The lines with their messages in {@code locale}. */
    public static List<JournalEntryView> render(List<JournalEntryView> lines, Locale locale) {
        return lines.stream().map(line -> line.in(locale)).toList();
    }

    /**
     * What a transition line says besides its action (null when nothing), in {@code locale}: for a page that names
     * the action and the statuses itself. Any other line: its whole message.
     */
    public static String note(JournalEntryView line, Locale locale) {
        if (line.kind() != JournalEntry.Kind.TRANSITION || line.messageKey() == null || line.args().isEmpty()) {
            return render(line, locale);
        }
        return note(bundle(locale), line, locale);
    }

    /** The workflow action of a transition line (null for a line written before keys: its text was never split). */
    public static String action(JournalEntryView line) {
        return line.kind() == JournalEntry.Kind.TRANSITION && line.messageKey() != null && !line.args().isEmpty()
                ? line.args().get(0) : null;
    }

    /**
     * The reader's language from an Accept-Language header: the first acceptable range that is Chinese or English
     * decides, as the console does for a browser (any Chinese reads Simplified Chinese); none, or no header: English.
     */
    public static Locale readerOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange();
                if (range.getWeight() <= 0) {
                    continue;
                }
                if (tag.equals("zh") || tag.startsWith("zh-")) {
                    return Locale.SIMPLIFIED_CHINESE;
                }
                if (tag.equals("en") || tag.startsWith("en-") || tag.equals("*")) {
                    return Locale.ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header the JDK cannot parse is no reason to refuse the journal
        }
        return Locale.ENGLISH;
    }

    static ResourceBundle bundle(Locale locale) {
        // no fallback to the JVM's default locale: on a server that runs in Chinese, English must still read English
        return ResourceBundle.getBundle(BUNDLE, locale == null ? Locale.ENGLISH : locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String note(ResourceBundle words, JournalEntryView line, Locale locale) {
        return JournalKeys.TRANSITION.equals(line.messageKey()) ? null
                : format(words, line.messageKey(), line.args().subList(1, line.args().size()), locale);
    }

    private static String action(ResourceBundle words, String action) {
        String key = "action." + action;
        return words.containsKey(key) ? words.getString(key) : action;
    }

    private static String format(ResourceBundle words, String key, List<String> args, Locale locale) {
        String pattern;
        try {
            pattern = words.getString(key);
        } catch (MissingResourceException unknown) {
            return key + " " + args; // a key without text (the bundle test prevents it): nothing the line said is lost
        }
        return new MessageFormat(pattern, locale).format(args.toArray());
    }
}
