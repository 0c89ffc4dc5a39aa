/**
 * The append-only journal of every ticket and CI: who or what did what, when, and what changed.
 * Only {@link io.itsmhub.core.journal.Journal} writes it, and it has no update or delete.
 * <p>
 * <b>Keys, not text.</b> A line stores a message key ({@link io.itsmhub.core.journal.JournalKeys}) and its arguments
 * ({@link io.itsmhub.core.journal.JournalMessage}, a JSON array of strings in {@code message_args}); it is rendered
 * where it is read, in the reader's language ({@link io.itsmhub.core.journal.JournalRenderer}, bundles
 * {@code journal/messages.properties} and {@code messages_zh_CN.properties}). The core builds no sentence for a
 * reader: the English of a line lives in the bundle like the Chinese, and the English rendering is the text the
 * journal always had, which is what {@code JournalEntryView.message} answers unless the caller asks otherwise.
 * <ul>
 *   <li><b>People's words</b> (comments, work notes, reasons, a rating's comment) are arguments, shown as written in
 *   every language. Comments and work notes are stored under the key {@code text} ("{0}") rather than left in the
 *   old {@code message} column, so that every line written since V19 has a key and "no key" means exactly "written
 *   before keys" (rendered from its stored text), and so that a person's braces and apostrophes are never read as a
 *   MessageFormat pattern.</li>
 *   <li><b>Transitions</b>: the first argument is the workflow action, the key is that of the note (the hub's words,
 *   {@code text} for a person's, {@code transition} for none) and the note's arguments follow. Pages name the action
 *   and show the note apart without parsing.</li>
 *   <li><b>Field changes</b> carry no message: field, old and new value are their structure already.</li>
 *   <li><b>External calls</b>: key {@code external-call}; system, operation and outcome are arguments, the outcome as
 *   the call answered (a peer's error stays verbatim).</li>
 * </ul>
 * Arguments are text that reads the same in every language (numbers, names, statuses, a peer's answer). A few still
 * carry English the hub built before this package had keys and that is passed in from elsewhere: the outcome of an
 * external call as its caller words it ("sent to …", "queued as item 12"), a fulfilment step's summary, the reasons
 * of a group approval routed to managers. They are the next to get keys of their own.
 */
package io.itsmhub.core.journal;
