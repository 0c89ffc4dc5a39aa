package io.itsmhub.connectors.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.itsmhub.connectors.ConnectorException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;

/** Dead, silent and refusing servers, and connections cut between polls. */
class ImapMailboxFailureTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser("itsm@hub.example.com", ImapMailboxTest.LOGIN, ImapMailboxTest.PASSWORD));

    @Test
    void aClosedPortIsRetryable() throws IOException {
        try (ImapMailbox mailbox = new ImapMailbox(settings(SmtpMailSenderFailureTest.closedPort(),
                ImapMailboxTest.PASSWORD, null))) {

            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> mailbox.unread(10));

            assertThat(e.retryable()).isTrue();
            assertThat(e.system()).isEqualTo("mail");
            assertThat(e.getMessage()).contains("127.0.0.1");
        }
    }

    @Test
    void aServerThatNeverGreetsTimesOutRetryably() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ImapMailbox mailbox = new ImapMailbox(settings(silent.getLocalPort(), ImapMailboxTest.PASSWORD,
                        null))) {

            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> mailbox.unread(10));

            assertThat(e.retryable()).isTrue();
        }
    }

    @Test
    void aWrongPasswordIsPermanentAndTheMessageNamesTheUserButNotThePassword() {
        try (ImapMailbox mailbox = new ImapMailbox(settings(greenMail.getImap().getPort(), "wr0ng-Pa55w0rd", null))) {

            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> mailbox.unread(10));

            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("refused the credentials of user 'itsm'")
                    .doesNotContain("wr0ng-Pa55w0rd");
        }
    }

    @Test
    void aMissingFolderIsPermanentAndNamed() {
        try (ImapMailbox mailbox = new ImapMailbox(settings(greenMail.getImap().getPort(), ImapMailboxTest.PASSWORD,
                "Tickets"))) {

            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> mailbox.unread(10));

            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("folder 'Tickets' does not exist");
        }
    }

    @Test
    void aConnectionCutBetweenPollsIsReopenedWithinTheCall() throws Exception {
        try (TcpProxy proxy = new TcpProxy(greenMail.getImap().getPort());
                ImapMailbox mailbox = new ImapMailbox(settings(proxy.port(), ImapMailboxTest.PASSWORD, null))) {
            deliver("first");
            assertThat(mailbox.unread(10)).extracting(IncomingMail::subject).containsExactly("first");
            int connections = proxy.connections();

            proxy.dropConnections();
            deliver("second");

            List<IncomingMail> mails = mailbox.unread(10);
            assertThat(mails).extracting(IncomingMail::subject).containsExactly("first", "second");
            assertThat(proxy.connections()).as("reconnected").isGreaterThan(connections);

            proxy.dropConnections();
            mailbox.markProcessed(mails.stream().map(IncomingMail::uid).toList());
            assertThat(mailbox.unread(10)).isEmpty();
        }
    }

    @Test
    void aConnectionCutWhileTheServerIsGoneIsRetryable() throws Exception {
        TcpProxy proxy = new TcpProxy(greenMail.getImap().getPort());
        try (ImapMailbox mailbox = new ImapMailbox(settings(proxy.port(), ImapMailboxTest.PASSWORD, null))) {
            deliver("first");
            mailbox.unread(10);

            proxy.close();

            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> mailbox.unread(10));
            assertThat(e.retryable()).isTrue();
            ConnectorException mark = catchThrowableOfType(ConnectorException.class,
                    () -> mailbox.markProcessed(List.of(1L)));
            assertThat(mark.retryable()).isTrue();
        } finally {
            proxy.close();
        }
    }

    @Test
    void uidsOfAnEarlierUidValidityAreNotMarked() throws Exception {
        try (TcpProxy proxy = new TcpProxy(greenMail.getImap().getPort());
                ImapMailbox mailbox = new ImapMailbox(settings(proxy.port(), ImapMailboxTest.PASSWORD, "Tickets"));
                Store admin = greenMail.getImap().createStore()) {
            admin.connect(ImapMailboxTest.LOGIN, ImapMailboxTest.PASSWORD);
            long validity = recreate(admin, -1);
            append(admin, "before");
            List<Long> listed = mailbox.unread(10).stream().map(IncomingMail::uid).toList();

            // As when the server rebuilds the folder: new UIDVALIDITY, UIDs from 1 again, connections dropped.
            proxy.dropConnections();
            await().atMost(Duration.ofSeconds(5)).until(() -> recreate(admin, validity) != validity);
            append(admin, "after");
            mailbox.markProcessed(listed);

            assertThat(mailbox.unread(10)).extracting(IncomingMail::subject).as("not marked by a stale UID")
                    .containsExactly("after");
        }
    }

    /**
     * Moves the Tickets folder aside and creates a new one; GreenMail's UIDVALIDITY is the creation second.
     * (Deleting it instead trips GreenMail while the cut connection's session still has it selected.)
     */
    private static long recreate(Store admin, long previous) throws MessagingException {
        Folder folder = admin.getFolder("Tickets");
        if (folder.exists()) {
            folder.renameTo(admin.getFolder("Tickets-" + UUID.randomUUID()));
        }
        folder = admin.getFolder("Tickets");
        folder.create(Folder.HOLDS_MESSAGES);
        return ((UIDFolder) folder).getUIDValidity();
    }

    private static void append(Store admin, String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("alice@example.com"));
        m.setSubject(subject);
        m.setText("text");
        admin.getFolder("Tickets").appendMessages(new MimeMessage[] {m});
    }

    private static void deliver(String subject) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("alice@example.com"));
        m.setSubject(subject);
        m.setText("text");
        ImapMailboxTest.deliver(m, greenMail);
    }

    private static MailSettings settings(int port, String password, String folder) {
        return new MailSettings(null, new MailSettings.Imap("127.0.0.1", port, ImapMailboxTest.LOGIN, password, false,
                folder), null, DataSize.ofMegabytes(1), TIMEOUT);
    }
}
