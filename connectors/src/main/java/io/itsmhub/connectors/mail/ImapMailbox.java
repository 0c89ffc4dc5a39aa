package io.itsmhub.connectors.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.SearchTerm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Mailbox} over IMAP with Jakarta Mail. Keeps one connection and the folder open between calls, opened at
 * the first call (so that the hub starts while the mail server is down) and reopened when it dropped: servers
 * close idle connections between polls, so the first failure of a connection that had worked is retried once on
 * a new one; both calls are safe to repeat. Thread-safe (calls are serialised); {@link #close()} it.
 *
 * <p>"Processed" is the {@code \Seen} flag. Reading must not set it, so message bodies are fetched with
 * {@code BODY.PEEK} ({@code mail.imap.peek}); a person reading the mailbox in a mail client marks mail read
 * too, which hides it from the hub, so the hub's mailbox should be its own.
 */
public class ImapMailbox implements Mailbox, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImapMailbox.class);
    private static final SearchTerm UNPROCESSED = new AndTerm(new FlagTerm(new Flags(Flags.Flag.SEEN), false),
            new FlagTerm(new Flags(Flags.Flag.DELETED), false));

    private final MailSettings.Imap imap;
    private final String target;
    private final Session session;
    private final MessageReader reader;
    private Store store;
    private IMAPFolder folder;
    /** UIDVALIDITY when unread() last listed: UIDs of another validity name other messages. */
    private long listedValidity = -1;
    private boolean closed;

    public ImapMailbox(MailSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (!settings.imapConfigured()) {
            throw new IllegalStateException("IMAP is not configured: hub.mail.imap.host is not set");
        }
        this.imap = settings.imap();
        this.target = imap.host() + ":" + imap.port();
        MailLogging.quietProtocolTrace();
        this.session = Session.getInstance(properties(settings));
        this.reader = new MessageReader(settings.maxAttachmentSize().toBytes());
    }

    /** The session's properties; package-private for the tests, which have no TLS server. */
    static Properties properties(MailSettings settings) {
        MailSettings.Imap imap = settings.imap();
        String timeout = Long.toString(settings.timeout().toMillis());
        Properties p = new Properties();
        p.setProperty("mail.store.protocol", "imap");
        p.setProperty("mail.imap.host", imap.host());
        p.setProperty("mail.imap.port", Integer.toString(imap.port()));
        // Without these Jakarta Mail waits forever on a server that accepts the connection and says nothing.
        p.setProperty("mail.imap.connectiontimeout", timeout);
        p.setProperty("mail.imap.timeout", timeout);
        p.setProperty("mail.imap.writetimeout", timeout);
        p.setProperty("mail.imap.ssl.enable", Boolean.toString(imap.ssl()));
        p.setProperty("mail.imap.ssl.checkserveridentity", "true");
        // Reading a body must not mark the message \Seen: that is markProcessed's job.
        p.setProperty("mail.imap.peek", "true");
        // Outlook and others encode non-ASCII file names as RFC 2047 words, which RFC 2231 decoding leaves as is.
        p.setProperty("mail.mime.decodefilename", "true");
        return p;
    }

    @Override
    public synchronized List<IncomingMail> unread(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive, was " + max);
        }
        return withFolder("reading unread mail", folder -> list(folder, max));
    }

    @Override
    public synchronized void markProcessed(List<Long> uids) {
        Objects.requireNonNull(uids, "uids");
        if (uids.isEmpty()) {
            return;
        }
        withFolder("marking " + uids.size() + " message(s) processed", folder -> {
            mark(folder, uids);
            return null;
        });
    }

    private List<IncomingMail> list(IMAPFolder folder, int max) throws MessagingException, IOException {
        // NOOP first: the server reports mail that arrived since the last call in its answer.
        folder.doCommand(protocol -> {
            protocol.noop();
            return null;
        });
        listedValidity = folder.getUIDValidity();
        // In sequence-number order, which is arrival order and UID order (RFC 3501 2.3.1): oldest first.
        Message[] found = folder.search(UNPROCESSED);
        Message[] batch = Arrays.stream(found).filter(Objects::nonNull).limit(max).toArray(Message[]::new);
        FetchProfile headers = new FetchProfile();
        headers.add(UIDFolder.FetchProfileItem.UID);
        headers.add(FetchProfile.Item.ENVELOPE);
        headers.add(FetchProfile.Item.CONTENT_INFO);
        headers.add("In-Reply-To");
        headers.add("References");
        headers.add("Authentication-Results");
        headers.add("Delivered-To");
        folder.fetch(batch, headers);
        List<IncomingMail> mails = new ArrayList<>();
        for (Message message : batch) {
            long uid = folder.getUID(message);
            try {
                mails.add(reader.read(uid, message));
            } catch (MessageRemovedException gone) {
                log.debug("Message UID {} was removed while being read", uid);
            } catch (MessagingException | IOException | RuntimeException e) {
                if (MailFailures.dropped(e)) {
                    throw e;
                }
                // One message the reader cannot take must not stop the ones behind it: it is handed on as unreadable.
                log.warn("Message UID {} is unreadable: {}", uid, e.toString());
                mails.add(IncomingMail.unreadable(uid, messageIdOf(message), "unreadable message: " + e.getMessage()));
            }
        }
        log.debug("Read {} of {} unprocessed message(s) in {} at {}", mails.size(), found.length, imap.folder(),
                target);
        return mails;
    }

    private static String messageIdOf(Message message) {
        try {
            return message instanceof jakarta.mail.internet.MimeMessage mime ? mime.getMessageID() : null;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private void mark(IMAPFolder folder, List<Long> uids) throws MessagingException {
        long validity = folder.getUIDValidity();
        if (listedValidity != -1 && validity != listedValidity) {
            // Marking now would mark other messages; leaving them unmarked only delivers them again.
            log.warn("UIDVALIDITY of {} at {} changed from {} to {} since the messages were listed; not marking {}"
                    + " UID(s), they will be delivered again", imap.folder(), target, listedValidity, validity,
                    uids.size());
            return;
        }
        Message[] messages = Arrays.stream(folder.getMessagesByUID(uids.stream().mapToLong(Long::longValue).toArray()))
                .filter(Objects::nonNull).toArray(Message[]::new);
        if (messages.length > 0) {
            folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
        }
        log.debug("Marked {} of {} UID(s) processed in {} at {}", messages.length, uids.size(), imap.folder(),
                target);
    }

    private interface FolderCall<T> {
        T apply(IMAPFolder folder) throws MessagingException, IOException;
    }

    private <T> T withFolder(String doing, FolderCall<T> call) {
        if (closed) {
            throw new IllegalStateException("ImapMailbox is closed");
        }
        boolean reused = folder != null;
        try {
            return call.apply(open());
        } catch (MessagingException | IOException e) {
            disconnect();
            if (!reused || !MailFailures.dropped(e)) {
                throw MailFailures.imap(e, doing, target, imap.username(), imap.folder(), imap.password());
            }
            log.info("Connection to IMAP server {} dropped ({}); reconnecting", target, e.getMessage());
        }
        try {
            return call.apply(open());
        } catch (MessagingException | IOException e) {
            disconnect();
            throw MailFailures.imap(e, doing, target, imap.username(), imap.folder(), imap.password());
        }
    }

    private IMAPFolder open() throws MessagingException {
        // These notice a connection Jakarta Mail has seen close; one that died silently fails the next command,
        // which withFolder retries once on a new connection.
        if (folder != null && folder.isOpen() && store.isConnected()) {
            return folder;
        }
        disconnect();
        store = session.getStore("imap");
        store.connect(imap.host(), imap.port(), imap.username(), imap.password());
        IMAPFolder opened = (IMAPFolder) store.getFolder(imap.folder());
        opened.open(Folder.READ_WRITE);
        folder = opened;
        log.info("Opened {} of {} at IMAP server {}", imap.folder(), imap.username(), target);
        return folder;
    }

    private void disconnect() {
        if (folder != null && folder.isOpen()) {
            try {
                // false: never expunge; the hub deletes nothing.
                folder.close(false);
            } catch (MessagingException | RuntimeException e) {
                log.debug("Closing the IMAP folder failed", e);
            }
        }
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException | RuntimeException e) {
                log.debug("Closing the IMAP connection failed", e);
            }
        }
        folder = null;
        store = null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        disconnect();
    }
}
