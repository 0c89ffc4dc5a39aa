package io.itsmhub.connectors.mail;

import java.util.List;

/**
 * The hub's incoming mailbox. Reading does not change it; the caller marks what it has committed, so a crash in
 * between delivers the same mail again (at-least-once) rather than losing it. Failures are
 * {@link io.itsmhub.connectors.ConnectorException}s of system {@code "mail"}: retryable when the server could not
 * be reached, timed out or dropped the connection twice in a row; permanent when it refused the credentials or
 * the folder does not exist.
 */
public interface Mailbox {

    /** Up to max messages not yet marked processed, oldest first, with IMAP UIDs; does not change them. */
    List<IncomingMail> unread(int max);

    /** Marks messages processed (\Seen flag) once the caller has committed what it made of them: at-least-once. */
    void markProcessed(List<Long> uids);
}
