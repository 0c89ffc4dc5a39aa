package io.itsmhub.hub.console.agent;

import io.itsmhub.core.journal.JournalEntry;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.journal.JournalRenderer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A journal entry as the agent pages show it, in the reader's language. A transition names its action apart (the
 * page translates it and shows the statuses) and its note, both as stored: nothing here parses text. A transition
 * written before message keys has no action to name: its stored text is shown as it is.
 * {@code internal}: a work note, marked as such so that an agent knows the requester does not see it.
 */
record JournalLine(Instant at, String actor, JournalEntry.Kind kind, String field, String from, String to,
                   String action, String text, boolean internal) {

    static JournalLine of(JournalEntryView e, Locale locale) {
        return new JournalLine(e.at(), e.actor(), e.kind(), e.field(), e.oldValue(), e.newValue(),
                JournalRenderer.action(e), JournalRenderer.note(e, locale), e.internal());
    }

    /** Newest first, as people read a ticket's history. */
    static List<JournalLine> newestFirst(List<JournalEntryView> entries, Locale locale) {
        List<JournalLine> lines = new ArrayList<>(entries.stream().map(e -> of(e, locale)).toList());
        Collections.reverse(lines);
        return lines;
    }
}
