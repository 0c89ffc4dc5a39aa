package io.itsmhub.connectors.mail;

import java.time.Instant;
import java.util.List;

/**
 * One message read from the mailbox.
 *
 * @param uid         the IMAP UID, to hand back to {@link Mailbox#markProcessed}
 * @param messageId   the Message-ID with its angle brackets, or null when the message has none
 * @param from        the sender's bare address, lower-case, or null when the From header is missing or unreadable
 * @param fromName    the sender's display name (decoded), or null
 * @param subject     the subject (decoded); empty when there is none
 * @param text        the text/plain part, or text extracted from the HTML when there is only HTML; empty when
 *                    there is neither; lines end with {@code \n}
 * @param inReplyTo   the first Message-ID of In-Reply-To, or null
 * @param references  the Message-IDs of References, oldest first; empty when none
 * @param sentAt      the Date header, else the time the server received it; null when neither is known
 * @param attachments the parts that are not the body, in message order
 */
public record IncomingMail(long uid, String messageId, String from, String fromName, String subject, String text,
        String inReplyTo, List<String> references, Instant sentAt, List<Attachment> attachments) {

    public IncomingMail {
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Leaves out the text: it may hold one-time passwords, and records end up in logs. */
    @Override
    public String toString() {
        return "IncomingMail[uid=" + uid + ", messageId=" + messageId + ", from=" + from + ", fromName=" + fromName
                + ", subject=" + subject + ", text=<" + text.length() + " chars>, inReplyTo=" + inReplyTo
                + ", references=" + references + ", sentAt=" + sentAt + ", attachments=" + attachments + "]";
    }
}
