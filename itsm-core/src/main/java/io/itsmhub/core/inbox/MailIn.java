package io.itsmhub.core.inbox;

import java.util.List;

/** A mail as the hub takes it in; {@code ticket} is the ticket number found in the subject, or null. */
public record MailIn(String messageId, String from, String subject, String text, String ticket,
                     List<File> attachments) {

    /** {@code content} is null when the attachment was over the size limit and not downloaded. */
    public record File(String filename, String contentType, long size, byte[] content) { }
}
