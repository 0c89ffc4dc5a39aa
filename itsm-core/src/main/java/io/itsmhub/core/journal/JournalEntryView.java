package io.itsmhub.core.journal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A journal line as the API shows it; {@code visibility} INTERNAL marks a work note (staff only). {@code message} is
 * the line rendered for one reader (English unless {@link #in(Locale)} says otherwise, so that what the API always
 * answered stays as it was); {@code messageKey} and {@code args} are what is stored, for a client that renders
 * itself. A line written before keys has no key and no arguments: its stored English text is the message.
 */
public record JournalEntryView(Instant at, String actor, JournalEntry.Kind kind, String field, String oldValue,
                               String newValue, String message, JournalEntry.Visibility visibility,
                               String messageKey, List<String> args) {

    public boolean internal() {
        return visibility == JournalEntry.Visibility.INTERNAL;
    }

    /** The same line with its message in {@code locale}. */
    public JournalEntryView in(Locale locale) {
        if (messageKey == null) {
            return this; // written before keys: the stored text is all there is
        }
        return new JournalEntryView(at, actor, kind, field, oldValue, newValue,
                JournalRenderer.render(this, locale), visibility, messageKey, args);
    }

    static JournalEntryView of(JournalEntry e) {
        JournalEntryView stored = new JournalEntryView(e.getAt(), e.getActor(), e.getKind(), e.getField(),
                e.getOldValue(), e.getNewValue(), e.getMessage(), e.getVisibility(), e.getMessageKey(),
                e.getMessageArgs());
        return stored.in(Locale.ENGLISH);
    }
}
