package io.itsmhub.core.journal;

import io.itsmhub.core.journal.JournalEntry.Kind;
import io.itsmhub.core.journal.JournalEntry.Visibility;
import io.itsmhub.core.security.CurrentUser;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes journal lines. Every method joins the caller's transaction (MANDATORY) so that a line is never
 * written without the change it describes, nor a change without its line.
 * <p>
 * Each line is public (the requester reads it) or internal (a work note, staff only). The kind decides, so that no
 * caller can forget: comments, status and field changes are public; notes and external calls are internal,
 * because they carry what the requester must not see (hosts, addresses, playbook output, pipeline errors).
 * Reading goes through {@link #entries(String)}, the one place that hides internal lines from a requester.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Journal {

    private final JournalEntryRepository entries;
    private final Clock clock;
    private final CurrentUser currentUser;

    public Journal(JournalEntryRepository entries, Clock clock, CurrentUser currentUser) {
        this.entries = entries;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    public void created(String number, String actor, String summary) {
        append(number, actor, JournalEntry.Kind.CREATED, null, null, null, summary);
    }

    public void transition(String number, String actor, String action, Enum<?> from, Enum<?> to, String note) {
        append(number, actor, JournalEntry.Kind.TRANSITION, "status", from.name(), to.name(),
                note == null ? action : action + ": " + note);
    }

    /** Records a field change; does nothing when the value did not change. */
    public void fieldChanged(String number, String actor, String field, Object oldValue, Object newValue) {
        String before = oldValue == null ? null : oldValue.toString();
        String after = newValue == null ? null : newValue.toString();
        if (!Objects.equals(before, after)) {
            append(number, actor, JournalEntry.Kind.FIELD_CHANGED, field, before, after, null);
        }
    }

    public void comment(String number, String actor, String text) {
        append(number, actor, JournalEntry.Kind.COMMENT, null, null, null, text);
    }

    /** A note the hub or a person writes for staff: internal, never shown to the requester. */
    public void note(String number, String actor, String text) {
        append(number, actor, JournalEntry.Kind.NOTE, null, null, null, text);
    }

    /**
     * A note of the hub about the requester's own ticket that the requester should read too (which approvals apply,
     * their own rating): public. Nothing from an external system goes here.
     */
    public void publicNote(String number, String actor, String text) {
        appendAs(number, actor, JournalEntry.Kind.NOTE, null, null, null, text, Visibility.PUBLIC);
    }

    /** A person's work note: a note, internal like every note; named for what the API calls it. */
    public void workNote(String number, String actor, String text) {
        note(number, actor, text);
    }

    /** An external call made for the ticket: system, operation, outcome, duration and attempt, in one line. */
    public void externalCall(String number, String system, String operation, String outcome, long millis, int attempt) {
        append(number, system, JournalEntry.Kind.EXTERNAL_CALL, operation, null, outcome,
                "%s %s: %s in %d ms (attempt %d)".formatted(system, operation, outcome, millis, attempt));
    }

    /** The lines the caller may read: all of them for staff and for the hub itself, the public ones for a requester. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<JournalEntryView> entries(String number) {
        return currentUser.isRequesterOnly() ? publicEntries(number)
                : entries.findByTicketNumberOrderByIdAsc(number).stream().map(JournalEntryView::of).toList();
    }

    /** The lines a requester may read, whoever asks: for what the hub sends to requesters (mails, chat, SMS). */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<JournalEntryView> publicEntries(String number) {
        return entries.findByTicketNumberAndVisibilityOrderByIdAsc(number, Visibility.PUBLIC).stream()
                .map(JournalEntryView::of).toList();
    }

    static Visibility visibilityOf(Kind kind) {
        return switch (kind) {
            case CREATED, TRANSITION, FIELD_CHANGED, COMMENT -> Visibility.PUBLIC;
            case NOTE, EXTERNAL_CALL -> Visibility.INTERNAL;
        };
    }

    private void append(String number, String actor, JournalEntry.Kind kind, String field, String oldValue,
                        String newValue, String message) {
        appendAs(number, actor, kind, field, oldValue, newValue, message, visibilityOf(kind));
    }

    private void appendAs(String number, String actor, JournalEntry.Kind kind, String field, String oldValue,
                          String newValue, String message, Visibility visibility) {
        entries.save(new JournalEntry(number, clock.instant(), actor, kind, field, truncate(oldValue, 4000),
                truncate(newValue, 4000), truncate(message, 10000), visibility));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
