package io.itsmhub.hub.console.agent;

import io.itsmhub.core.journal.JournalEntry;
import io.itsmhub.core.journal.JournalEntryView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A journal entry as the agent pages show it. A transition's message is "action" or "action: note" (see core's
 * Journal), split here so that the page can name the action in the reader's language and keep the note as written.
 * {@code internal}: a work note, marked as such so that an agent knows the requester does not see it.
 */
record JournalLine(Instant at, String actor, JournalEntry.Kind kind, String field, String from, String to,
                   String action, String text, boolean internal) {

    static JournalLine of(JournalEntryView e) {
        if (e.kind() == JournalEntry.Kind.TRANSITION && e.message() != null) {
            int colon = e.message().indexOf(": ");
            String action = colon < 0 ? e.message() : e.message().substring(0, colon);
            String note = colon < 0 ? null : e.message().substring(colon + 2);
            return new JournalLine(e.at(), e.actor(), e.kind(), e.field(), e.oldValue(), e.newValue(), action, note,
                    e.internal());
        }
        return new JournalLine(e.at(), e.actor(), e.kind(), e.field(), e.oldValue(), e.newValue(), null, e.message(),
                e.internal());
    }

    /** Newest first, as people read a ticket's history. */
    static List<JournalLine> newestFirst(List<JournalEntryView> entries) {
        List<JournalLine> lines = new ArrayList<>(entries.stream().map(JournalLine::of).toList());
        Collections.reverse(lines);
        return lines;
    }
}
