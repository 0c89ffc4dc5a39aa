package io.itsmhub.connectors.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one message into an {@link IncomingMail}: the first inline text/plain part is the text (else the first
 * inline text/html part, as text); every other leaf part is an {@link Attachment}. Attachments above the limit
 * are not downloaded: the IMAP server reports their size up front.
 */
final class MessageReader {

    private static final Logger log = LoggerFactory.getLogger(MessageReader.class);
    private static final Pattern CR_LF = Pattern.compile("\r\n?");
    private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s]+>");
    /** Base64 lines are 76 characters and a CRLF: 78 encoded bytes carry 57 decoded ones. */
    private static final int BASE64_LINE = 78;

    private final long maxAttachmentSize;

    MessageReader(long maxAttachmentSize) {
        this.maxAttachmentSize = maxAttachmentSize;
    }

    IncomingMail read(long uid, Message message) throws MessagingException, IOException {
        InternetAddress sender = sender(uid, message);
        String defect = severalSenders(message) ? "several From addresses" : null;
        Body body = new Body();
        try {
            body.walk(message);
        } catch (MessagingException | IOException e) {
            if (MailFailures.dropped(e)) {
                throw e;
            }
            // One malformed message must not block the mailbox: it goes on with what could be read.
            log.warn("Message UID {} has an unreadable MIME structure ({}); reading its headers only", uid,
                    e.toString());
            defect = "unreadable MIME structure: " + e.getMessage();
        }
        // Mail has CRLF line ends on the wire; the rest of the hub writes \n.
        String text = body.plain != null ? CR_LF.matcher(body.plain).replaceAll("\n")
                : body.html != null ? HtmlText.toText(body.html) : "";
        String[] inReplyTo = message.getHeader("In-Reply-To");
        String[] references = message.getHeader("References");
        // From the envelope IMAP fetched with the list, rather than one header fetch per message.
        String messageId = message instanceof MimeMessage mime ? mime.getMessageID() : null;
        return new IncomingMail(uid, firstId(messageId == null ? null : new String[] {messageId}),
                sender == null ? null : sender.getAddress().toLowerCase(Locale.ROOT),
                sender == null ? null : sender.getPersonal(), message.getSubject(), text,
                firstId(inReplyTo), ids(references), sentAt(message), body.attachments, recipients(message),
                headers(message, "Authentication-Results"), headerDigest(message), defect);
    }

    private static boolean severalSenders(Message message) {
        try {
            Address[] from = message.getFrom();
            return from != null && from.length > 1;
        } catch (MessagingException e) {
            return false; // unreadable: sender() already made it null
        }
    }

    /** Where the message was sent: To and Cc as written, Delivered-To and X-Original-To as the server delivered it. */
    private static List<String> recipients(Message message) throws MessagingException {
        List<String> found = new ArrayList<>();
        for (String name : List.of("To", "Cc", "Delivered-To", "X-Original-To")) {
            for (String value : headers(message, name)) {
                try {
                    for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                        if (address.getAddress() != null) {
                            found.add(address.getAddress().toLowerCase(Locale.ROOT));
                        }
                    }
                } catch (AddressException e) {
                    log.debug("Unreadable {} header: {}", name, e.getMessage());
                }
            }
        }
        return found;
    }

    private static List<String> headers(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? List.of() : Arrays.asList(values);
    }

    /** All header lines hashed: the same message read twice (or by two hubs) gives the same digest. */
    private static String headerDigest(Message message) throws MessagingException {
        if (!(message instanceof MimeMessage mime)) {
            return null;
        }
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (Enumeration<String> lines = mime.getAllHeaderLines(); lines.hasMoreElements(); ) {
                sha.update(lines.nextElement().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static InternetAddress sender(long uid, Message message) throws MessagingException {
        try {
            Address[] from = message.getFrom();
            return from != null && from.length > 0 && from[0] instanceof InternetAddress address
                    && address.getAddress() != null ? address : null;
        } catch (AddressException e) {
            log.debug("Message UID {} has an unreadable From header: {}", uid, e.getMessage());
            return null;
        }
    }

    private static Instant sentAt(Message message) throws MessagingException {
        Date date = message.getSentDate();
        date = date != null ? date : message.getReceivedDate();
        return date == null ? null : date.toInstant();
    }

    /** The first {@code <id>} of a header, which some clients follow with comments or further ids. */
    private static String firstId(String[] header) {
        List<String> ids = ids(header);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static List<String> ids(String[] header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            for (String value : header) {
                Matcher m = MSG_ID.matcher(value);
                while (m.find()) {
                    ids.add(m.group());
                }
            }
        }
        return ids;
    }

    /** The parts of one message, gathered depth first. */
    private final class Body {
        private String plain;
        private String html;
        private final List<Attachment> attachments = new ArrayList<>();

        void walk(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child);
                }
                return;
            }
            boolean inline = !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName() == null;
            if (inline && plain == null && part.isMimeType("text/plain")) {
                plain = text(part);
            } else if (inline && html == null && plain == null && part.isMimeType("text/html")) {
                html = text(part);
            } else if (!(inline && part.isMimeType("text/*") && plain != null)) {
                // An inline text part beside the text already taken (its HTML twin) is body, not attachment.
                attachments.add(attachment(part));
            }
        }
    }

    /**
     * The decoded text. A charset Java does not know (mislabelled mail happens) is read as UTF-8 rather than
     * failing the message.
     */
    private static String text(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
        } catch (UnsupportedEncodingException e) {
            log.debug("Unknown charset in {}; reading it as UTF-8", part.getContentType());
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Attachment attachment(Part part) throws MessagingException, IOException {
        String type = baseType(part);
        String filename = part.getFileName();
        if (filename == null) {
            filename = type.equals("message/rfc822") ? "message.eml" : "attachment";
        }
        long estimate = decodedSize(part);
        if (estimate > maxAttachmentSize) {
            return new Attachment(filename, type, null, estimate, true);
        }
        // Bounded read: the estimate can be off, or missing, and memory must not depend on what a sender sent.
        byte[] content = type.equals("message/rfc822") ? forwarded(part) : bounded(part);
        if (content == null) {
            return new Attachment(filename, type, null, estimate, true);
        }
        return new Attachment(filename, type, content, content.length, false);
    }

    /** At most the limit, else null. */
    private byte[] bounded(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxAttachmentSize + 1));
            return content.length > maxAttachmentSize ? null : content;
        }
    }

    /**
     * A forwarded message as an .eml file: its header lines, a blank line and its body as sent. Built from the
     * two because IMAP servers differ in what the part's own section holds (GreenMail: the body only).
     */
    private byte[] forwarded(Part part) throws MessagingException, IOException {
        if (!(part.getContent() instanceof MimeMessage message)) {
            return bounded(part);
        }
        StringBuilder header = new StringBuilder();
        for (Enumeration<String> lines = message.getAllHeaderLines(); lines.hasMoreElements(); ) {
            header.append(lines.nextElement()).append("\r\n");
        }
        byte[] head = header.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        if (head.length > maxAttachmentSize) {
            return null;
        }
        try (InputStream in = message.getRawInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxAttachmentSize - head.length + 1));
            if (head.length + body.length > maxAttachmentSize) {
                return null;
            }
            byte[] eml = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, eml, head.length, body.length);
            return eml;
        }
    }

    private static String baseType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | NullPointerException e) {
            return "application/octet-stream";
        }
    }

    /** The decoded size from the encoded size the server reports, or -1 when it reports none. */
    private static long decodedSize(Part part) throws MessagingException {
        long encoded = part.getSize();
        if (encoded < 0) {
            return -1;
        }
        String encoding = part instanceof MimePart mime ? mime.getEncoding() : null;
        if (encoding != null && encoding.equalsIgnoreCase("base64")) {
            long lines = (encoded + BASE64_LINE - 1) / BASE64_LINE;
            return Math.max(0, (encoded - 2 * lines) * 3 / 4);
        }
        // 7bit, 8bit, binary: as sent; quoted-printable: an upper bound.
        return encoded;
    }
}
