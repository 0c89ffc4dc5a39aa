package io.itsmhub.core.journal;

import java.time.Instant;

/** A journal line as the API shows it; {@code visibility} INTERNAL marks a work note (staff only). */
public record JournalEntryView(Instant at, String actor, JournalEntry.Kind kind, String field, String oldValue,
                               String newValue, String message, JournalEntry.Visibility visibility) {

    public boolean internal() {
        return visibility == JournalEntry.Visibility.INTERNAL;
    }

    static JournalEntryView of(JournalEntry e) {
        return new JournalEntryView(e.getAt(), e.getActor(), e.getKind(), e.getField(), e.getOldValue(),
                e.getNewValue(), e.getMessage(), e.getVisibility());
    }
}
