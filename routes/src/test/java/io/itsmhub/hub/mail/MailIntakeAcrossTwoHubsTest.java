package io.itsmhub.hub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.itsmhub.core.inbox.InboxView;
import io.itsmhub.core.inbox.MailIntake;
import io.itsmhub.core.inbox.ReplyTokens;
import io.itsmhub.core.incident.IncidentFilter;
import io.itsmhub.core.incident.IncidentForm;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.PersonForm;
import io.itsmhub.core.people.Role;
import io.itsmhub.core.security.RunAs;
import io.itsmhub.core.support.PostgresTestServer;
import io.itsmhub.hub.HubApplication;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two hub processes' worth of Spring contexts on one PostgreSQL database, both polling one GreenMail IMAP mailbox.
 * GreenMail stands in for the receiving mail server: the Authentication-Results headers it would add are written
 * into the delivered messages. Every mail has exactly one effect, whichever hub takes it in, and the mails that may
 * not act as their sender wait in review with the reason.
 */
class MailIntakeAcrossTwoHubsTest {

    static final GreenMail mail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.IMAP}));
    static final GreenMailUser hubMailbox;

    static {
        mail.start();
        hubMailbox = mail.setUser("hub@example.com", "hub", "hub-mail-pw");
    }

    @AfterAll
    static void stopMail() {
        mail.stop();
    }

    @Test
    void everyMailHasExactlyOneEffectAndTheUntrustedOnesWaitForReview() throws Exception {
        String database = PostgresTestServer.get().createDatabase("itsm_mail_two_hubs");
        try (ConfigurableApplicationContext one = start(database); ConfigurableApplicationContext two = start(database)) {
            PeopleService people = one.getBean(PeopleService.class);
            people.save(new PersonForm("rita", "Rita", "rita@example.com", null, null, "rita-pw-123456", Set.of(Role.REQUESTER), Set.of()));
            people.save(new PersonForm("alice", "Alice", "alice@example.com", null, null, "alice-pw-123456", Set.of(Role.AGENT), Set.of()));
            IncidentService incidents = one.getBean(IncidentService.class);
            String ritas = RunAs.person(people.find("rita").orElseThrow(), () -> incidents.create(new IncidentForm(
                    "VPN drops", null, null, null, "rita", null, null, null, null, null, null)).number());
            // Issued by one hub (as in its notification's Reply-To), checked by whichever takes the reply in.
            String token = one.getBean(ReplyTokens.class).issue(ritas, "rita@example.com");

            deliver("<forged@evil.example>", "Rita <rita@example.com>", "hub@example.com", "Re: [" + ritas + "] VPN",
                    null, "forged: close it");
            deliver("<self-vouched@evil.example>", "rita@example.com", "hub@example.com", "Re: [" + ritas + "] VPN",
                    "evil.example; dkim=pass header.d=example.com", "forged with a header of its own");
            deliver("<tokened@example.com>", "rita@example.com", "hub+" + token + "@example.com", "Re: VPN", null,
                    "tokened reply");
            deliver("<token-stolen@example.com>", "mike@example.com", "hub+" + token + "@example.com", "Re: VPN", null,
                    "stolen token");
            deliver("<dkim-reply@example.com>", "rita@example.com", "hub@example.com", "Re: [" + ritas + "] VPN",
                    "mx.example.com; dkim=pass header.d=example.com header.s=s1", "dkim reply");
            deliver("<dkim-new@example.com>", "alice@example.com", "hub@example.com", "Disk full on db-7",
                    "mx.example.com; spf=pass smtp.mailfrom=alice@example.com", "95% and rising");
            deliver(null, "rita@example.com", "hub@example.com", "Printer jam, no Message-ID",
                    "mx.example.com; dkim=pass header.d=example.com", "tray 2");
            // (A multipart without its boundary is parked too, see TrustedMailIntakeApiTest: GreenMail cannot serve one.)
            deliverRaw("Message-ID: <long-name@example.com>\r\nFrom: rita@example.com\r\nTo: hub@example.com\r\n"
                    + "Authentication-Results: mx.example.com; dkim=pass header.d=example.com\r\n"
                    + "Subject: report attached\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                    + "--b\r\nContent-Type: text/plain\r\n\r\nsee attachment\r\n"
                    + "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\""
                    + "r".repeat(300) + ".pdf\"\r\n\r\n%PDF-1.4\r\n--b--\r\n");
            deliverRaw("Message-ID: <no-from@example.com>\r\nTo: hub@example.com\r\nSubject: who am I\r\n\r\nhello\r\n");
            int delivered = 9;

            JdbcTemplate db = one.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> allSeen(delivered)
                    && db.queryForObject("SELECT COUNT(*) FROM inbound_mail", Integer.class) == delivered);
            // Close both, so that a hub still busy with a mail the other has taken in finishes before we count.
            two.close();

            assertThat(db.queryForObject("SELECT COUNT(*) FROM inbound_mail", Integer.class)).isEqualTo(delivered);
            List<String> journal = incidents.journal(ritas).stream().map(JournalEntryView::message)
                    .filter(Objects::nonNull).toList();
            assertThat(journal.stream().filter(m -> m.equals("By e-mail: tokened reply"))).hasSize(1);
            assertThat(journal.stream().filter(m -> m.equals("By e-mail: dkim reply"))).hasSize(1);
            assertThat(journal).noneMatch(m -> m.contains("forged") || m.contains("stolen"));
            List<IncidentView> byMail = incidents.list(new IncidentFilter(null, null, null, null, "email", null, null,
                    null, null), Pageable.unpaged()).items();
            assertThat(byMail).extracting(IncidentView::title).containsExactlyInAnyOrder("Disk full on db-7",
                    "Printer jam, no Message-ID");

            List<InboxView> review = one.getBean(MailIntake.class).reviewList();
            assertThat(review).extracting(InboxView::reason).containsExactlyInAnyOrder(
                    "untrusted sender rita@example.com: no reply token, and no DKIM or SPF pass for its domain from a"
                            + " trusted mail server",
                    "untrusted sender rita@example.com: no reply token, and no DKIM or SPF pass for its domain from a"
                            + " trusted mail server",
                    "unknown sender mike@example.com",
                    "malformed mail: attachment name longer than 255 characters",
                    "malformed mail: missing From header");
        }
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(HubApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--hub.admin.password=admin-pw-for-tests",
                "--hub.demo.enabled=false",
                "--hub.mail.from=ITSM Hub <hub@example.com>",
                "--hub.mail.imap.host=127.0.0.1",
                "--hub.mail.imap.port=" + mail.getImap().getPort(),
                "--hub.mail.imap.username=hub",
                "--hub.mail.imap.password=hub-mail-pw",
                "--hub.mail.poll-interval=100ms",
                "--hub.mail.trusted-authserv-ids=mx.example.com");
    }

    private static boolean allSeen(int delivered) {
        MimeMessage[] received = mail.getReceivedMessages();
        return received.length == delivered && Arrays.stream(received).allMatch(m -> {
            try {
                return m.getFlags().contains(Flags.Flag.SEEN);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        });
    }

    private static void deliver(String messageId, String from, String to, String subject, String authResults,
                                String text) throws Exception {
        StringBuilder raw = new StringBuilder();
        if (authResults != null) {
            raw.append("Authentication-Results: ").append(authResults).append("\r\n");
        }
        if (messageId != null) {
            raw.append("Message-ID: ").append(messageId).append("\r\n");
        }
        raw.append("From: ").append(from).append("\r\nTo: ").append(to).append("\r\nSubject: ").append(subject)
                .append("\r\nDate: Fri, 4 Dec 2026 15:00:00 +0000\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n")
                .append(text).append("\r\n");
        deliverRaw(raw.toString());
    }

    /** As the receiving server stores it: bytes as given, no Message-ID or header added. */
    private static void deliverRaw(String raw) throws Exception {
        hubMailbox.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }
}
