package io.itsmhub.connectors.mail;

/**
 * A part of an incoming message that is not its body: a file, an inline image, a forwarded message.
 *
 * @param filename    the decoded file name; {@code attachment} (or {@code message.eml} for a forwarded message)
 *                    when the sender gave none
 * @param contentType the base type in lower case, e.g. {@code application/pdf}
 * @param content     the decoded bytes; empty when skipped
 * @param size        the decoded size in bytes: exact when downloaded; when skipped, estimated from the size the
 *                    server reports (to a few bytes for base64), or -1 when it reports none
 * @param skipped     larger than {@code hub.mail.max-attachment-size}, so not downloaded
 */
public record Attachment(String filename, String contentType, byte[] content, long size, boolean skipped) {

    private static final byte[] NONE = new byte[0];

    public Attachment {
        content = content == null ? NONE : content;
    }

    /** The size, not the bytes. */
    @Override
    public String toString() {
        return "Attachment[filename=" + filename + ", contentType=" + contentType + ", size=" + size
                + ", skipped=" + skipped + "]";
    }
}
