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
 * @param recipients  the bare addresses of To, Cc, Delivered-To and X-Original-To, lower case: where a reply to a
 *                    plus address ({@code itsm+token@example.com}) shows its token
 * @param authenticationResults the values of every Authentication-Results header, topmost first
 * @param headerDigest SHA-256 (hex) of all header lines: names the message when it has no Message-ID
 * @param defect      why the message could not be read as it should (broken MIME, several From addresses), or null
 */
public record IncomingMail(long uid, String messageId, String from, String fromName, String subject, String text,
        String inReplyTo, List<String> references, Instant sentAt, List<Attachment> attachments,
        List<String> recipients, List<String> authenticationResults, String headerDigest, String defect) {

    public IncomingMail {
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        authenticationResults = authenticationResults == null ? List.of() : List.copyOf(authenticationResults);
    }

    /** A message that could not be read at all: only its UID, perhaps its Message-ID, and why. */
    static IncomingMail unreadable(long uid, String messageId, String defect) {
        return new IncomingMail(uid, messageId, null, null, "", "", null, List.of(), null, List.of(), List.of(),
                List.of(), null, defect);
    }

    /** Leaves out the text: it may hold one-time passwords, and records end up in logs. */
    @Override
    public String toString() {
        return "IncomingMail[uid=" + uid + ", messageId=" + messageId + ", from=" + from + ", fromName=" + fromName
                + ", subject=" + subject + ", text=<" + text.length() + " chars>, inReplyTo=" + inReplyTo
                + ", references=" + references + ", sentAt=" + sentAt + ", attachments=" + attachments
                + ", recipients=" + recipients + ", defect=" + defect + "]";
    }
}
