package io.itsmhub.connectors.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the hub sends (SMTP) and receives (IMAP) mail. Either side is off while its host is unset
 * ({@link #smtpConfigured()}, {@link #imapConfigured()}). Other components bind further keys under the same
 * prefix; this record ignores them.
 *
 * @param smtp              the outgoing server; never null (an unset one has no host)
 * @param imap              the mailbox the hub reads; never null (an unset one has no host)
 * @param from              the hub's sender, e.g. {@code ITSM Hub <itsm@example.com>}; required with SMTP. Its
 *                          domain is also the right-hand side of the Message-IDs the hub generates
 * @param maxAttachmentSize incoming attachments above this are reported but not downloaded; default 10MB
 * @param timeout           connect, read and write timeout of both protocols; default 10s
 */
@ConfigurationProperties("hub.mail")
public record MailSettings(
        Smtp smtp,
        Imap imap,
        String from,
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("10s") Duration timeout) {

    static final DataSize DEFAULT_MAX_ATTACHMENT_SIZE = DataSize.ofMegabytes(10);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The defaults again, because {@code @DefaultValue} only applies when Spring binds, not to {@code new}. */
    public MailSettings {
        smtp = smtp == null ? new Smtp(null, 0, null, null, false, false) : smtp;
        imap = imap == null ? new Imap(null, 0, null, null, false, null) : imap;
        maxAttachmentSize = maxAttachmentSize == null ? DEFAULT_MAX_ATTACHMENT_SIZE : maxAttachmentSize;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (maxAttachmentSize.isNegative()) {
            throw new IllegalArgumentException("hub.mail.max-attachment-size must not be negative, was "
                    + maxAttachmentSize);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("hub.mail.timeout must be positive, was " + timeout);
        }
        if (smtp.configured()) {
            if (isBlank(from)) {
                throw new IllegalArgumentException(
                        "hub.mail.from is required when hub.mail.smtp.host is set, e.g. 'ITSM Hub <itsm@example.com>'");
            }
            fromAddress(from);
        }
    }

    /** Whether the hub sends mail at all. */
    public boolean smtpConfigured() {
        return smtp.configured();
    }

    /** Whether the hub reads a mailbox at all. */
    public boolean imapConfigured() {
        return imap.configured();
    }

    /**
     * The plus address of the hub's sender carrying {@code tag}, e.g. {@code itsm+tag@example.com} for
     * {@code itsm@example.com}: mail servers (Postfix' recipient_delimiter, Exchange, Gmail) deliver it to the
     * hub's own mailbox, and a reply shows the tag in its To.
     */
    public String replyAddress(String tag) {
        if (isBlank(from)) {
            throw new IllegalStateException("hub.mail.from is not set");
        }
        String address = fromAddress(from).getAddress();
        int at = address.lastIndexOf('@');
        return address.substring(0, at) + "+" + tag + address.substring(at);
    }

    /** The tag of the first of {@code recipients} that is a plus address of the hub's sender, or null. */
    public String replyTag(java.util.List<String> recipients) {
        if (isBlank(from) || recipients == null) {
            return null;
        }
        String address = fromAddress(from).getAddress().toLowerCase(java.util.Locale.ROOT);
        int at = address.lastIndexOf('@');
        String prefix = address.substring(0, at) + "+";
        String domain = address.substring(at);
        for (String recipient : recipients) {
            String r = recipient == null ? "" : recipient.toLowerCase(java.util.Locale.ROOT);
            if (r.startsWith(prefix) && r.endsWith(domain) && r.length() > prefix.length() + domain.length()) {
                return r.substring(prefix.length(), r.length() - domain.length());
            }
        }
        return null;
    }

    /** {@link #from} parsed; strict, so that a typo fails at start-up rather than at the first notification. */
    static InternetAddress fromAddress(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("hub.mail.from must be one address like 'ITSM Hub <itsm@example.com>',"
                    + " was '" + from + "': " + e.getMessage(), e);
        }
    }

    /**
     * The outgoing server.
     *
     * @param host     SMTP host, or null when the hub sends no mail
     * @param port     default 25, or 465 with {@code ssl}
     * @param username login, or null for an open relay (then no AUTH is attempted)
     * @param password password of {@code username}
     * @param startTls upgrade to TLS with STARTTLS, and refuse to go on without it (else a man in the middle
     *                 could strip it and read the password)
     * @param ssl      TLS from the first byte (SMTPS, usually port 465)
     */
    public record Smtp(String host, int port, String username, String password, boolean startTls, boolean ssl) {

        public Smtp {
            host = isBlank(host) ? null : host.strip();
            port = port == 0 ? (ssl ? 465 : 25) : port;
            checkServer("smtp", port, startTls, ssl);
            if (!isBlank(username) && password == null) {
                throw new IllegalArgumentException(
                        "hub.mail.smtp.password is required when hub.mail.smtp.username is set");
            }
        }

        public boolean configured() {
            return host != null;
        }

        /** Never prints the password: settings end up in logs and actuator output. */
        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", username=" + username + ", password=" + mask(password)
                    + ", startTls=" + startTls + ", ssl=" + ssl + "]";
        }
    }

    /**
     * The mailbox the hub reads.
     *
     * @param host     IMAP host, or null when the hub reads no mailbox
     * @param port     default 143, or 993 with {@code ssl}
     * @param username login; required with a host (IMAP has no anonymous mailbox)
     * @param password password of {@code username}
     * @param ssl      TLS from the first byte (IMAPS, usually port 993)
     * @param folder   the folder read; default {@code INBOX}
     */
    public record Imap(String host, int port, String username, String password, boolean ssl,
            @DefaultValue("INBOX") String folder) {

        static final String DEFAULT_FOLDER = "INBOX";

        public Imap {
            host = isBlank(host) ? null : host.strip();
            port = port == 0 ? (ssl ? 993 : 143) : port;
            folder = isBlank(folder) ? DEFAULT_FOLDER : folder;
            checkServer("imap", port, false, ssl);
            if (host != null && (isBlank(username) || password == null)) {
                throw new IllegalArgumentException(
                        "hub.mail.imap.username and hub.mail.imap.password are required when hub.mail.imap.host is set");
            }
        }

        public boolean configured() {
            return host != null;
        }

        /** Never prints the password: settings end up in logs and actuator output. */
        @Override
        public String toString() {
            return "Imap[host=" + host + ", port=" + port + ", username=" + username + ", password=" + mask(password)
                    + ", ssl=" + ssl + ", folder=" + folder + "]";
        }
    }

    private static void checkServer(String protocol, int port, boolean startTls, boolean ssl) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("hub.mail." + protocol + ".port must be 1-65535, was " + port);
        }
        if (startTls && ssl) {
            // Two different ports by convention (587/465): both set is a misunderstanding, not a stronger setting.
            throw new IllegalArgumentException("hub.mail." + protocol + ".start-tls and hub.mail." + protocol
                    + ".ssl exclude each other: STARTTLS upgrades a plain connection, SSL starts encrypted");
        }
    }

    private static String mask(String secret) {
        return secret == null ? null : "<secret>";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
