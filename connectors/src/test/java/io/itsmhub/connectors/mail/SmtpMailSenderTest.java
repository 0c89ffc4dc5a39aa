package io.itsmhub.connectors.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.itsmhub.connectors.ConnectorException;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against GreenMail's real SMTP server, a fresh one per test on a free port. */
class SmtpMailSenderTest {

    static final String FROM = "ITSM Hub <itsm@hub.example.com>";
    private static final String SUBJECT = "[INC-000123] 数据库连接失败";
    private static final String TEXT = "数据库连接失败 since 10:00.\nYour code: 482913";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("itsm@hub.example.com", "itsm", "s3cret-Pw"));

    @Test
    void sendsTextOnlyInUtf8WithTheReturnedMessageId() throws Exception {
        SmtpMailSender sender = new SmtpMailSender(settings(null, null));

        String id = sender.send(new OutgoingMail(List.of("Alice Zhang <alice@example.com>", "bob@example.com"),
                SUBJECT, TEXT, null, null, null));

        assertThat(id).matches("<[0-9a-f-]{36}@hub\\.example\\.com>");
        MimeMessage received = theOnlyMessageTo("alice@example.com");
        assertThat(received.getMessageID()).isEqualTo(id);
        assertThat(received.getFrom()).containsExactly(new InternetAddress("itsm@hub.example.com", "ITSM Hub"));
        assertThat(received.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("alice@example.com", "bob@example.com");
        assertThat(received.getSubject()).isEqualTo(SUBJECT);
        assertThat(received.isMimeType("text/plain")).isTrue();
        assertThat(received.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(lf(received.getContent())).as("CRLF on the wire").isEqualTo(TEXT);
        assertThat(received.getSentDate()).isNotNull();
        assertThat(received.getHeader("In-Reply-To")).isNull();
    }

    @Test
    void sendsTextAndHtmlAsAlternativesWithThreadingAndExtraHeaders() throws Exception {
        SmtpMailSender sender = new SmtpMailSender(settings(null, null));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-ITSM-Ticket", "INC-000123");
        headers.put("X-ITSM-Service", "支付系统");
        String html = "<p>数据库连接失败</p><p>Ticket <b>INC-000123</b></p>";

        String id = sender.send(new OutgoingMail(List.of("张三 <zhangsan@example.com>"), "Re: " + SUBJECT, TEXT, html,
                "<original-1@mail.example.com>", headers));

        MimeMessage received = theOnlyMessageTo("zhangsan@example.com");
        assertThat(received.getMessageID()).isEqualTo(id);
        assertThat(((InternetAddress) received.getRecipients(Message.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("张三");
        assertThat(received.getSubject()).isEqualTo("Re: " + SUBJECT);
        assertThat(received.getHeader("In-Reply-To")).containsExactly("<original-1@mail.example.com>");
        assertThat(received.getHeader("References")).containsExactly("<original-1@mail.example.com>");
        assertThat(received.getHeader("X-ITSM-Ticket")).containsExactly("INC-000123");
        assertThat(MimeUtility.decodeText(received.getHeader("X-ITSM-Service")[0])).isEqualTo("支付系统");
        assertThat(received.isMimeType("multipart/alternative")).isTrue();
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(lf(parts.getBodyPart(0).getContent())).isEqualTo(TEXT);
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(parts.getBodyPart(1).getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo(html);
    }

    @Test
    void anHtmlOnlyMailGetsATextAlternativeDerivedFromIt() throws Exception {
        new SmtpMailSender(settings(null, null)).send(new OutgoingMail(List.of("alice@example.com"), "Report",
                null, "<h1>Weekly report</h1><p>3 incidents</p>", null, null));

        MimeMultipart parts = (MimeMultipart) theOnlyMessageTo("alice@example.com").getContent();
        assertThat(lf(parts.getBodyPart(0).getContent())).isEqualTo("Weekly report\n\n3 incidents");
    }

    @Test
    void lineBreaksInSubjectOrHeadersCannotAddHeaders() throws Exception {
        new SmtpMailSender(settings(null, null)).send(new OutgoingMail(List.of("alice@example.com"),
                "Hello\r\nBcc: mallory@evil.example", "text", null, null,
                Map.of("X-ITSM-Note", "a\r\nBcc: mallory@evil.example")));

        MimeMessage received = theOnlyMessageTo("alice@example.com");
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void authenticatesWithTheGreenMailUser() throws Exception {
        SmtpMailSender sender = new SmtpMailSender(settings("itsm", "s3cret-Pw"));

        String id = sender.send(new OutgoingMail(List.of("alice@example.com"), "with auth", "text", null, null, null));

        assertThat(theOnlyMessageTo("alice@example.com").getMessageID()).isEqualTo(id);
    }

    @Test
    void aWrongPasswordIsPermanentAndTheMessageNamesTheUserButNotThePassword() {
        SmtpMailSender sender = new SmtpMailSender(settings("itsm", "wr0ng-Pa55w0rd"));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> sender.send(
                new OutgoingMail(List.of("alice@example.com"), "never sent", "text", null, null, null)));

        assertThat(e.retryable()).isFalse();
        assertThat(e.system()).isEqualTo("mail");
        assertThat(e.getMessage()).contains("refused the credentials of user 'itsm'").doesNotContain("wr0ng-Pa55w0rd");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aMalformedRecipientIsPermanentNamesTheAddressAndSendsNothing() {
        SmtpMailSender sender = new SmtpMailSender(settings(null, null));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> sender.send(new OutgoingMail(
                List.of("alice@example.com", "bob at example.com"), "never sent", "text", null, null, null)));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("'bob at example.com'");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void headersTheSenderOwnsOrAMalformedInReplyToArePermanent() {
        SmtpMailSender sender = new SmtpMailSender(settings(null, null));

        ConnectorException from = catchThrowableOfType(ConnectorException.class, () -> sender.send(new OutgoingMail(
                List.of("alice@example.com"), "s", "t", null, null, Map.of("From", "ceo@example.com"))));
        ConnectorException inReplyTo = catchThrowableOfType(ConnectorException.class, () -> sender.send(
                new OutgoingMail(List.of("alice@example.com"), "s", "t", null, "<a b>\r\nBcc: x@y", null)));

        assertThat(from.retryable()).isFalse();
        assertThat(from.getMessage()).contains("'From'");
        assertThat(inReplyTo.retryable()).isFalse();
        assertThat(inReplyTo.getMessage()).contains("In-Reply-To");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void anInReplyToWithoutAngleBracketsGetsThem() throws Exception {
        new SmtpMailSender(settings(null, null)).send(new OutgoingMail(List.of("alice@example.com"), "s", "t", null,
                "original-1@mail.example.com", null));

        assertThat(theOnlyMessageTo("alice@example.com").getHeader("In-Reply-To"))
                .containsExactly("<original-1@mail.example.com>");
    }

    private static String lf(Object text) {
        return ((String) text).replace("\r\n", "\n");
    }

    private static MimeMessage theOnlyMessageTo(String address) {
        await().atMost(Duration.ofSeconds(5)).until(() -> greenMail.getReceivedMessages().length > 0);
        return greenMail.findReceivedMessages(user -> user.getEmail().equals(address), message -> true)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one message to " + address);
                })
                .orElseThrow(() -> new AssertionError("no message to " + address));
    }

    private static MailSettings settings(String username, String password) {
        return new MailSettings(new MailSettings.Smtp("127.0.0.1", greenMail.getSmtp().getPort(), username, password,
                false, false), null, FROM, null, Duration.ofSeconds(5));
    }
}
