package io.itsmhub.connectors.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.itsmhub.connectors.LogCapture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Neither password nor body reaches a log line of the hub or of Jakarta Mail (which logs through JDK logging),
 * whatever the level. GreenMail's own lines are left out: it is the server here, not the hub.
 */
class MailLoggingTest {

    private static final String PASSWORD = "s3cret-Pw-7781";
    private static final String ONE_TIME_PASSWORD = "Your one-time password is 90417733";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(new com.icegreen.greenmail.util.ServerSetup[] {
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("itsm@hub.example.com", "itsm", PASSWORD));

    @Test
    void noPasswordAndNoBodyInAnyLogLineEvenAtTheFinestLevel() {
        List<String> lines;
        try (LogCapture log = LogCapture.start()) {
            MailSettings settings = new MailSettings(
                    new MailSettings.Smtp("127.0.0.1", greenMail.getSmtp().getPort(), "itsm", PASSWORD, false, false),
                    new MailSettings.Imap("127.0.0.1", greenMail.getImap().getPort(), "itsm", PASSWORD, false, null),
                    "ITSM Hub <itsm@hub.example.com>", null, Duration.ofSeconds(5));
            new SmtpMailSender(settings).send(new OutgoingMail(List.of("itsm@hub.example.com"), "[REQ-000045] Login",
                    ONE_TIME_PASSWORD, "<p>" + ONE_TIME_PASSWORD + "</p>", null, null));
            await().atMost(Duration.ofSeconds(5)).until(() -> greenMail.getReceivedMessages().length == 1);
            try (ImapMailbox mailbox = new ImapMailbox(settings)) {
                assertThat(mailbox.unread(10)).singleElement()
                        .satisfies(mail -> assertThat(mail.text()).isEqualTo(ONE_TIME_PASSWORD))
                        .satisfies(mail -> assertThat(mail.toString()).doesNotContain(ONE_TIME_PASSWORD));
            }
            MailSettings wrong = new MailSettings(
                    new MailSettings.Smtp("127.0.0.1", greenMail.getSmtp().getPort(), "itsm", PASSWORD + "x", false,
                            false),
                    new MailSettings.Imap("127.0.0.1", greenMail.getImap().getPort(), "itsm", PASSWORD + "x", false,
                            null),
                    "ITSM Hub <itsm@hub.example.com>", null, Duration.ofSeconds(5));
            catchThrowable(() -> new SmtpMailSender(wrong).send(new OutgoingMail(List.of("a@example.com"), "s",
                    ONE_TIME_PASSWORD, null, null, null)));
            try (ImapMailbox mailbox = new ImapMailbox(wrong)) {
                catchThrowable(() -> mailbox.unread(10));
            }
            lines = log.lines();
        }
        List<String> ours = lines.stream().filter(line -> !line.startsWith("com.icegreen")).toList();
        String plain = Base64.getEncoder().encodeToString(("\0itsm\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String login = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));

        assertThat(ours).as("the hub's own lines are there").anyMatch(line -> line.startsWith("io.itsmhub"));
        assertThat(ours).noneMatch(line -> line.contains(PASSWORD) || line.contains(plain) || line.contains(login)
                || line.contains("90417733"));
    }
}
