package io.itsmhub.core.journal;

import io.itsmhub.core.journal.JournalEntry.Kind;
import io.itsmhub.core.journal.JournalEntry.Visibility;
import io.itsmhub.core.common.CurrentUser;
import java.time.Clock;
import java.util.ArrayList;
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

    /** The line that opens a ticket's or CI's journal: what was created, in the hub's words. */
    public void created(String number, String actor, JournalMessage summary) {
        append(number, actor, JournalEntry.Kind.CREATED, null, null, null, Objects.requireNonNull(summary));
    }

    /**
     * A status change with its note (the hub's words, or a person's as {@link JournalMessage#text}), or none: stored
     * under the note's key with the action first, so that a page names the action and the note apart without parsing
     * text (see {@link JournalRenderer}).
     */
    public void transition(String number, String actor, String action, Object from, Object to, JournalMessage note) {
        List<String> args = new ArrayList<>(List.of(action));
        if (note != null) {
            args.addAll(note.args());
        }
        append(number, actor, JournalEntry.Kind.TRANSITION, "status", stateName(from), stateName(to),
                new JournalMessage(note == null ? JournalKeys.TRANSITION : note.key(), args));
    }

    private static String stateName(Object state) {
        return state instanceof Enum<?> e ? e.name() : String.valueOf(state);
    }

    /**
     * Records a field change; does nothing when the value did not change. No message: the field, the old and the
     * new value are the line's structure already, and a page names the field in its reader's language.
     */
    public void fieldChanged(String number, String actor, String field, Object oldValue, Object newValue) {
        String before = oldValue == null ? null : oldValue.toString();
        String after = newValue == null ? null : newValue.toString();
        if (!Objects.equals(before, after)) {
            append(number, actor, JournalEntry.Kind.FIELD_CHANGED, field, before, after, null);
        }
    }

    /** A person's public comment, kept as written. */
    public void comment(String number, String actor, String text) {
        append(number, actor, JournalEntry.Kind.COMMENT, null, null, null, JournalMessage.text(text));
    }

    /** A note the hub or a person writes for staff: internal, never shown to the requester. */
    public void note(String number, String actor, JournalMessage message) {
        append(number, actor, JournalEntry.Kind.NOTE, null, null, null, Objects.requireNonNull(message));
    }

    /**
     * A note of the hub about the requester's own ticket that the requester should read too (which approvals apply,
     * their own rating): public. Nothing from an external system goes here.
     */
    public void publicNote(String number, String actor, JournalMessage message) {
        appendAs(number, actor, JournalEntry.Kind.NOTE, null, null, null, Objects.requireNonNull(message),
                Visibility.PUBLIC);
    }

    /** A person's work note: a note, internal like every note, kept as written; named for what the API calls it. */
    public void workNote(String number, String actor, String text) {
        note(number, actor, JournalMessage.text(text));
    }

    /**
     * An external call made for the ticket: system, operation, outcome, duration and attempt, in one line. The
     * outcome is what the call answered, kept as it came; the words around it are the bundle's.
     */
    public void externalCall(String number, String system, String operation, String outcome, long millis, int attempt) {
        append(number, system, JournalEntry.Kind.EXTERNAL_CALL, operation, null, outcome,
                JournalMessage.of(JournalKeys.EXTERNAL_CALL, system, operation, outcome, millis, attempt));
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
                        String newValue, JournalMessage message) {
        appendAs(number, actor, kind, field, oldValue, newValue, message, visibilityOf(kind));
    }

    private void appendAs(String number, String actor, JournalEntry.Kind kind, String field, String oldValue,
                          String newValue, JournalMessage message, Visibility visibility) {
        entries.save(new JournalEntry(number, clock.instant(), actor, kind, field, truncate(oldValue, 4000),
                truncate(newValue, 4000), message, visibility));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
