package io.itsmhub.connectors.mail;

import io.itsmhub.connectors.ConnectorException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MailSender} over SMTP with Jakarta Mail. One connection per message: the hub sends notifications, not
 * bulk mail, and a fresh connection cannot be a stale one. Thread-safe; make one and share it.
 *
 * <p>Subjects, names and bodies go out as UTF-8, so Chinese text survives any client. Jakarta Mail's protocol
 * trace stays off ({@link MailLogging}): it prints message bodies.
 */
public class SmtpMailSender implements MailSender {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailSender.class);
    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    /** RFC 5322 field name: printable ASCII without the colon. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+");
    /** A msg-id as the hub reads it back: no blanks or line breaks that could start another header. */
    private static final Pattern MESSAGE_ID = Pattern.compile("<?[^<>\\s]+@[^<>\\s]+>?");
    /** Headers the sender writes itself; letting callers set them would break threading or the MIME structure. */
    private static final Set<String> OWN_HEADERS = Set.of("from", "sender", "to", "cc", "bcc", "subject", "date",
            "message-id", "in-reply-to", "references", "mime-version", "content-type", "content-transfer-encoding");

    private final MailSettings.Smtp smtp;
    private final String target;
    private final InternetAddress from;
    private final String domain;
    private final Session session;

    public SmtpMailSender(MailSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (!settings.smtpConfigured()) {
            throw new IllegalStateException("SMTP is not configured: hub.mail.smtp.host is not set");
        }
        this.smtp = settings.smtp();
        this.target = smtp.host() + ":" + smtp.port();
        this.from = utf8(MailSettings.fromAddress(settings.from()));
        this.domain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
        MailLogging.quietProtocolTrace();
        this.session = Session.getInstance(properties(settings));
    }

    /** The session's properties; package-private for the tests, which have no TLS server. */
    static Properties properties(MailSettings settings) {
        MailSettings.Smtp smtp = settings.smtp();
        String timeout = Long.toString(settings.timeout().toMillis());
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", smtp.host());
        p.setProperty("mail.smtp.port", Integer.toString(smtp.port()));
        // Without these Jakarta Mail waits forever on a server that accepts the connection and says nothing.
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        p.setProperty("mail.smtp.auth", Boolean.toString(smtp.username() != null && !smtp.username().isBlank()));
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
        p.setProperty("mail.smtp.ssl.enable", Boolean.toString(smtp.ssl()));
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        p.setProperty("mail.mime.charset", UTF_8);
        return p;
    }

    @Override
    public String send(OutgoingMail mail) {
        Objects.requireNonNull(mail, "mail");
        String messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
        MimeMessage message = compose(mail, messageId);
        try {
            Transport.send(message, smtp.username(), smtp.password());
        } catch (MessagingException e) {
            throw MailFailures.smtp(e, "sending " + messageId, target, smtp.username(), smtp.password());
        }
        // Recipients and subject only at DEBUG, the body never: notifications may carry one-time passwords.
        log.debug("Sent {} to {} recipient(s) via {}", messageId, mail.to().size(), target);
        return messageId;
    }

    private MimeMessage compose(OutgoingMail mail, String messageId) {
        InternetAddress[] to = recipients(mail.to());
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // Jakarta Mail would generate its own at send; the hub's id must be the one it returns.
                setHeader("Message-ID", messageId);
            }
        };
        try {
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject(mail.subject(), UTF_8);
            message.setSentDate(new Date());
            if (mail.inReplyTo() != null) {
                String inReplyTo = messageId(mail.inReplyTo());
                message.setHeader("In-Reply-To", inReplyTo);
                // Most clients thread by References; the hub knows only the one message it answers.
                message.setHeader("References", inReplyTo);
            }
            for (Map.Entry<String, String> header : mail.headers().entrySet()) {
                message.setHeader(headerName(header.getKey()), headerValue(header.getKey(), header.getValue()));
            }
            String text = mail.text() != null ? mail.text() : HtmlText.toText(mail.html());
            if (mail.html() == null) {
                message.setText(text, UTF_8);
            } else {
                MimeBodyPart plain = new MimeBodyPart();
                plain.setText(text, UTF_8);
                MimeBodyPart html = new MimeBodyPart();
                html.setText(mail.html(), UTF_8, "html");
                // Plain first: RFC 2046 orders alternatives from the simplest to the preferred.
                message.setContent(new MimeMultipart("alternative", plain, html));
            }
            return message;
        } catch (MessagingException e) {
            throw ConnectorException.permanent(MailFailures.SYSTEM,
                    "composing " + messageId + " failed: " + e.getMessage(), e);
        }
    }

    private static InternetAddress[] recipients(List<String> to) {
        List<InternetAddress> addresses = new ArrayList<>();
        for (String recipient : to) {
            try {
                if (recipient == null) {
                    throw new AddressException("no address");
                }
                InternetAddress address = new InternetAddress(recipient, true);
                address.validate();
                addresses.add(utf8(address));
            } catch (AddressException e) {
                throw ConnectorException.permanent(MailFailures.SYSTEM,
                        "invalid recipient address '" + recipient + "': " + e.getMessage(), e);
            }
        }
        return addresses.toArray(InternetAddress[]::new);
    }

    /** The display name re-encoded as UTF-8; Jakarta Mail would otherwise use the platform charset. */
    private static InternetAddress utf8(InternetAddress address) {
        if (address.getPersonal() == null) {
            return address;
        }
        try {
            return new InternetAddress(address.getAddress(), address.getPersonal(), UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static String messageId(String id) {
        String trimmed = id.strip();
        if (!MESSAGE_ID.matcher(trimmed).matches()) {
            throw ConnectorException.permanent(MailFailures.SYSTEM,
                    "invalid In-Reply-To '" + id + "': not a Message-ID like <id@domain>", null);
        }
        return (trimmed.startsWith("<") ? "" : "<") + trimmed + (trimmed.endsWith(">") ? "" : ">");
    }

    private static String headerName(String name) {
        if (name == null || !HEADER_NAME.matcher(name).matches()) {
            throw ConnectorException.permanent(MailFailures.SYSTEM, "invalid header name '" + name + "'", null);
        }
        if (OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw ConnectorException.permanent(MailFailures.SYSTEM,
                    "header '" + name + "' is set by the sender and cannot be given as an extra header", null);
        }
        return name;
    }

    /** Non-ASCII as encoded words, and folded: fold also keeps a CR or LF from starting a header of its own. */
    private static String headerValue(String name, String value) {
        try {
            return MimeUtility.fold(name.length() + 2, MimeUtility.encodeText(value, UTF_8, null));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }
}
