package io.itsmhub.connectors.mail;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;

/** Against GreenMail's real IMAP server, a fresh one per test on a free port; mail is put straight in the box. */
class ImapMailboxTest {

    static final String LOGIN = "itsm";
    static final String PASSWORD = "s3cret-Pw";
    private static final Instant SENT = Instant.parse("2025-03-01T09:30:00Z");
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final byte[] SMALL = "0123456789abcdef".repeat(128).getBytes(US_ASCII);
    /** Random, so that it goes base64 as real binaries do. */
    private static final byte[] BIG = random(10_000);

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("itsm@hub.example.com", LOGIN, PASSWORD));

    private ImapMailbox mailbox;

    @BeforeEach
    void open() {
        mailbox = new ImapMailbox(settings(greenMail.getImap().getPort(), DataSize.ofKilobytes(4)));
    }

    @AfterEach
    void close() {
        mailbox.close();
    }

    @Test
    void readsRepliesNewMailAndAttachmentsOldestFirstWithoutMarkingThem() throws Exception {
        deliver(reply());
        deliver(newMail());
        deliver(withAttachments());

        List<IncomingMail> mails = mailbox.unread(10);

        assertThat(mails).extracting(IncomingMail::subject).containsExactly(
                "Re: [INC-000123] 数据库连接失败", "Printer on floor 3 is jammed", "Logs for REQ-000045");
        assertThat(mails).extracting(IncomingMail::uid).isSorted().doesNotHaveDuplicates();
        IncomingMail reply = mails.get(0);
        assertThat(reply.from()).isEqualTo("alice.zhang@example.com");
        assertThat(reply.fromName()).isEqualTo("Alice Zhang");
        assertThat(reply.messageId()).isEqualTo("<reply-1@mail.example.com>");
        assertThat(reply.inReplyTo()).isEqualTo("<hub-1@hub.example.com>");
        assertThat(reply.references()).containsExactly("<hub-0@hub.example.com>", "<hub-1@hub.example.com>");
        assertThat(reply.text()).isEqualTo("已重启数据库。\nThanks, Alice");
        assertThat(reply.sentAt()).isEqualTo(SENT);
        assertThat(reply.attachments()).isEmpty();
        assertThat(TicketReference.find(reply.subject())).contains("INC-000123");

        IncomingMail fresh = mails.get(1);
        assertThat(fresh.from()).isEqualTo("zhangsan@example.com");
        assertThat(fresh.fromName()).isEqualTo("张三");
        assertThat(fresh.inReplyTo()).isNull();
        assertThat(fresh.references()).isEmpty();
        assertThat(fresh.text()).isEqualTo("The printer says PC LOAD LETTER.");

        IncomingMail logs = mails.get(2);
        assertThat(logs.text()).isEqualTo("Logs attached.");
        assertThat(logs.attachments()).hasSize(2);
        Attachment small = logs.attachments().get(0);
        assertThat(small.filename()).isEqualTo("错误日志.txt");
        assertThat(small.contentType()).isEqualTo("text/plain");
        assertThat(small.skipped()).isFalse();
        assertThat(small.size()).isEqualTo(2048);
        assertThat(small.content()).isEqualTo(SMALL);
        Attachment big = logs.attachments().get(1);
        assertThat(big.filename()).isEqualTo("heap.bin");
        assertThat(big.contentType()).isEqualTo("application/octet-stream");
        assertThat(big.skipped()).isTrue();
        assertThat(big.content()).isEmpty();
        assertThat(big.size()).isCloseTo(10_000L, within(4L));

        assertThat(mailbox.unread(10)).as("not marked by reading").extracting(IncomingMail::uid)
                .containsExactlyElementsOf(mails.stream().map(IncomingMail::uid).toList());
    }

    @Test
    void markedMailIsGoneAndLaterMailAppearsOnTheNextRead() throws Exception {
        deliver(reply());
        deliver(newMail());
        List<Long> uids = mailbox.unread(10).stream().map(IncomingMail::uid).toList();

        mailbox.markProcessed(uids);

        assertThat(mailbox.unread(10)).isEmpty();
        deliver(withAttachments());
        assertThat(mailbox.unread(10)).extracting(IncomingMail::subject).containsExactly("Logs for REQ-000045");
    }

    @Test
    void returnsAtMostMaxOldestFirstAndMarkingSomeLeavesTheRest() throws Exception {
        deliver(reply());
        deliver(newMail());
        deliver(withAttachments());

        List<IncomingMail> first = mailbox.unread(2);
        assertThat(first).extracting(IncomingMail::subject)
                .containsExactly("Re: [INC-000123] 数据库连接失败", "Printer on floor 3 is jammed");

        mailbox.markProcessed(List.of(first.get(0).uid()));
        assertThat(mailbox.unread(2)).extracting(IncomingMail::subject)
                .containsExactly("Printer on floor 3 is jammed", "Logs for REQ-000045");
    }

    @Test
    void markingUnknownUidsOrNoneIsHarmless() throws Exception {
        deliver(newMail());
        long uid = mailbox.unread(1).get(0).uid();

        mailbox.markProcessed(List.of());
        mailbox.markProcessed(List.of(uid + 1000));

        assertThat(mailbox.unread(10)).extracting(IncomingMail::uid).containsExactly(uid);
    }

    @Test
    void htmlOnlyMailIsReadAsText() throws Exception {
        MimeMessage html = message("ops@example.com", "Alert digest");
        html.setText("<html><body><p>Disk <b>full</b> on db-1</p><p>Usage&nbsp;98%</p></body></html>", "UTF-8",
                "html");
        deliver(html);

        assertThat(mailbox.unread(1).get(0).text()).isEqualTo("Disk full on db-1\n\nUsage 98%");
    }

    @Test
    void mailInAChineseLegacyCharsetIsDecoded() throws Exception {
        MimeMessage gbk = message("wangwu@example.cn", "数据库连接失败");
        gbk.setSubject("数据库连接失败", "GBK");
        gbk.setText("数据库连接失败，请尽快处理。", "GBK");
        deliver(gbk);

        IncomingMail mail = mailbox.unread(1).get(0);
        assertThat(mail.subject()).isEqualTo("数据库连接失败");
        assertThat(mail.text()).isEqualTo("数据库连接失败，请尽快处理。");
    }

    @Test
    void aForwardedMessageIsAnAttachmentAndTheHtmlTwinIsNot() throws Exception {
        MimeMessage forwarded = message("alice@example.com", "Fwd: outage");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("See below", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>See below</p>", "UTF-8", "html");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(new MimeMultipart("alternative", plain, html));
        MimeBodyPart original = new MimeBodyPart();
        original.setContent(newMail(), "message/rfc822");
        forwarded.setContent(new MimeMultipart(body, original));
        deliver(forwarded);

        IncomingMail mail = mailbox.unread(1).get(0);
        assertThat(mail.text()).isEqualTo("See below");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("message.eml");
            assertThat(a.contentType()).isEqualTo("message/rfc822");
            assertThat(new String(a.content(), UTF_8))
                    .contains("Subject: Printer on floor 3 is jammed").contains("The printer says PC LOAD LETTER.");
        });
        assertThat(mailbox.unread(1)).as("still unread").hasSize(1);
    }

    @Test
    void maxMustBePositiveAndAClosedMailboxRefusesCalls() {
        assertThatIllegalArgumentException().isThrownBy(() -> mailbox.unread(0));
        mailbox.close();
        assertThatIllegalStateException().isThrownBy(() -> mailbox.unread(1));
    }

    private static MimeMessage reply() throws MessagingException, UnsupportedEncodingException {
        MimeMessage m = message(null, "Re: [INC-000123] 数据库连接失败");
        m.setFrom(new InternetAddress("Alice.Zhang@Example.COM", "Alice Zhang"));
        m.setHeader("Message-ID", "<reply-1@mail.example.com>");
        m.setHeader("In-Reply-To", "<hub-1@hub.example.com>");
        m.setHeader("References", "<hub-0@hub.example.com>\r\n <hub-1@hub.example.com>");
        m.setText("已重启数据库。\r\nThanks, Alice", "UTF-8");
        return m;
    }

    private static MimeMessage newMail() throws MessagingException, UnsupportedEncodingException {
        MimeMessage m = message(null, "Printer on floor 3 is jammed");
        m.setFrom(new InternetAddress("zhangsan@example.com", "张三", "UTF-8"));
        m.setText("The printer says PC LOAD LETTER.", "UTF-8");
        return m;
    }

    private static MimeMessage withAttachments() throws MessagingException {
        MimeMessage m = message("bob@example.com", "Logs for REQ-000045");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Logs attached.", "UTF-8");
        MimeBodyPart small = new MimeBodyPart();
        small.setDataHandler(new DataHandler(new ByteArrayDataSource(SMALL, "text/plain; charset=us-ascii")));
        small.setFileName("错误日志.txt");
        MimeBodyPart big = new MimeBodyPart();
        big.setDataHandler(new DataHandler(new ByteArrayDataSource(BIG, "application/octet-stream")));
        big.setFileName("heap.bin");
        m.setContent(new MimeMultipart(text, small, big));
        return m;
    }

    private static MimeMessage message(String from, String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(SESSION);
        if (from != null) {
            m.setFrom(new InternetAddress(from));
        }
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("itsm@hub.example.com"));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(Date.from(SENT));
        return m;
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static void deliver(MimeMessage message) throws MessagingException {
        deliver(message, greenMail);
    }

    /** Puts the message straight into the hub's mailbox, as if it had arrived. */
    static void deliver(MimeMessage message, GreenMailExtension greenMail) throws MessagingException {
        // saveChanges() would replace a Message-ID the test chose.
        String[] messageId = message.getHeader("Message-ID");
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId[0]);
        }
        GreenMailUser user = greenMail.getUserManager().getUserByEmail("itsm@hub.example.com");
        user.deliver(message);
    }

    static MailSettings settings(int port, DataSize maxAttachmentSize) {
        return new MailSettings(null, new MailSettings.Imap("127.0.0.1", port, LOGIN, PASSWORD, false, null), null,
                maxAttachmentSize, Duration.ofSeconds(5));
    }
}
