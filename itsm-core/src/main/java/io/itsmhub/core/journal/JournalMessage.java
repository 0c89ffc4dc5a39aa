package io.itsmhub.core.journal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a journal line says, as a key of {@code journal/messages*.properties} and its arguments, so that each reader
 * reads it in their own language. Arguments are text as the line should show it in every language: numbers, names,
 * a peer's answer, a person's words. Words of the hub's own never go in an argument: they belong in the bundle.
 */
public record JournalMessage(String key, List<String> args) {

    public JournalMessage {
        Objects.requireNonNull(key, "key");
        // List.copyOf refuses nulls: an absent optional part is a different key, not a null argument
        args = List.copyOf(args);
    }

    /**
     * Arguments are turned into text as {@code String.format("%s")} and string concatenation did before keys
     * (String.valueOf: an absent value reads "null" as it always did), so the English rendering is today's text.
     * Use the constants of {@link JournalKeys}: a test checks that each has an English and a Chinese text.
     */
    public static JournalMessage of(String key, Object... args) {
        return new JournalMessage(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** A person's own words (a comment, a work note, a reason): shown as written in every language; null stays null. */
    public static JournalMessage text(String words) {
        return words == null ? null : of(JournalKeys.TEXT, words);
    }
}
