package io.itsmhub.core.inbox;

import java.util.List;

/**
 * A mail as the hub takes it in. What the mail server and the mailbox reader found out about it comes along, the
 * judgement is the intake's.
 *
 * @param messageId        the Message-ID, or null
 * @param from             the sender's bare address, or null when the From header is missing or unreadable
 * @param ticket           the ticket number found in the subject, or null
 * @param replyToken       the token of the plus address the mail was sent to ({@code itsm+<token>@...}), or null
 * @param senderVerifiedBy what vouches for the From domain (a DKIM or SPF pass from a trusted server), or null
 * @param headerDigest     a hash of all header lines, naming the mail when it has no Message-ID; may be null
 * @param defect           why the mail could not be read properly (broken MIME, several From addresses), or null
 */
public record MailIn(String messageId, String from, String subject, String text, String ticket,
                     List<File> attachments, String replyToken, String senderVerifiedBy, String headerDigest,
                     String defect) {

    /** A mail nothing vouches for. */
    public MailIn(String messageId, String from, String subject, String text, String ticket, List<File> attachments) {
        this(messageId, from, subject, text, ticket, attachments, null, null, null, null);
    }

    /** {@code content} is null when the attachment was over the size limit and not downloaded. */
    public record File(String filename, String contentType, long size, byte[] content) { }
}
