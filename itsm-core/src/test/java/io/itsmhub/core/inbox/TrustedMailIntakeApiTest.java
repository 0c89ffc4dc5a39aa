package io.itsmhub.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.itsmhub.core.incident.IncidentFilter;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.inbox.MailIntake.Outcome;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/** A mail acts as a person only with a reply token or a sender the mail server vouches for; the rest waits. */
class TrustedMailIntakeApiTest extends ApiTest {

    static final String DKIM_PASS = "dkim=pass header.d=example.com (mx.example.com)";

    @Autowired MailIntake intake;
    @Autowired ReplyTokens tokens;
    @Autowired IncidentService incidents;

    @Test
    void aForgedFromOfAKnownUserNeitherOpensNorCommentsButWaitsForReview() throws Exception {
        String ritas = ritasIncident();
        MailIntake.Result opened = intake.receive(mail("rita@example.com", "Please reset the CEO's password", null, null, null));
        assertThat(opened.outcome()).isEqualTo(Outcome.REVIEW);
        MailIntake.Result reply = intake.receive(mail("rita@example.com", "Re: [" + ritas + "]", ritas, null, null));
        assertThat(reply.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(messages(ritas)).noneMatch(m -> m.contains("forged"));
        assertThat(incidents.list(new IncidentFilter(null, null, null, null, "email", null, null, "rita", null),
                Pageable.unpaged()).items()).noneMatch(i -> i.title().equals("Please reset the CEO's password"));
        assertThat(reasons()).anyMatch(r -> r.equals("untrusted sender rita@example.com: no reply token, and no DKIM"
                + " or SPF pass for its domain from a trusted mail server"));
    }

    @Test
    void aReplyWithTheTokenIssuedToItsSenderComments() throws Exception {
        String ritas = ritasIncident();
        String token = tokens.issue(ritas, "rita@example.com");
        assertThat(token).matches("inc-\\d{6}-[0-9a-f]{32}");

        MailIntake.Result reply = intake.receive(mail("Rita@Example.com", "Re: VPN", null, token, null));
        assertThat(reply).isEqualTo(new MailIntake.Result(Outcome.COMMENTED, ritas));
        assertThat(messages(ritas)).contains("By e-mail: forged or not?");

        MailIntake.Result inSubject = intake.receive(mail("rita@example.com", "Re: VPN [ref:" + token + "]", null, null, null));
        assertThat(inSubject.outcome()).as("the token in the subject").isEqualTo(Outcome.COMMENTED);
    }

    @Test
    void aTokenIssuedToSomeoneElseOrTamperedWithIsRefused() throws Exception {
        String ritas = ritasIncident();
        String token = tokens.issue(ritas, "rita@example.com");
        assertThat(intake.receive(mail("mike@example.com", "Re: VPN", null, token, null)).outcome())
                .as("mike holds a token issued to rita").isEqualTo(Outcome.REVIEW);
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
        assertThat(intake.receive(mail("rita@example.com", "Re: VPN", null, tampered, null)).outcome())
                .isEqualTo(Outcome.REVIEW);
        String otherTicket = tokens.issue(ritas, "rita@example.com").replace(ritas.toLowerCase().substring(4), "999999");
        assertThat(intake.receive(mail("rita@example.com", "Re: VPN", null, otherTicket, null)).outcome())
                .as("the token of one ticket moved to another").isEqualTo(Outcome.REVIEW);
        assertThat(messages(ritas)).noneMatch(m -> m.contains("forged or not?"));
        assertThat(reasons()).anyMatch(r -> r.equals("untrusted sender mike@example.com: the reply token was not issued"
                + " to this address"));
    }

    @Test
    void mailNeverDoesWhatTheSendersRolesWouldNotAllowThroughTheApi() throws Exception {
        String change = body(postAs("rob", "/api/v1/changes", Map.of("title", "Rotate certs", "type", "NORMAL")))
                .get("number").asText();
        postAs("rita", "/api/v1/changes/" + change + "/comments", Map.of("text", "hi")).andExpect(status().isForbidden());
        MailIntake.Result byMail = intake.receive(mail("rita@example.com", "Re: [" + change + "]", change, null, DKIM_PASS));
        assertThat(byMail.outcome()).as("a requester may not comment on a change").isEqualTo(Outcome.REVIEW);
        MailIntake.Result byToken = intake.receive(mail("rita@example.com", "Re: change", null,
                tokens.issue(change, "rita@example.com"), null));
        assertThat(byToken.outcome()).as("not even with a token").isEqualTo(Outcome.REVIEW);
        assertThat(reasons()).anyMatch(r -> r.equals("rita cannot comment on " + change + ": " + change
                + " takes comments from staff only"));

        String alices = body(postAs("alice", "/api/v1/incidents", Map.of("title", "Alice's own"))).get("number").asText();
        assertThat(intake.receive(mail("rita@example.com", "Re: x", null, tokens.issue(alices, "rita@example.com"), null))
                .outcome()).as("a requester comments only on their own tickets").isEqualTo(Outcome.REVIEW);
        assertThat(intake.receive(mail("alice@example.com", "Re: [" + change + "]", change, null, DKIM_PASS)).outcome())
                .as("an agent may").isEqualTo(Outcome.COMMENTED);
    }

    @Test
    void malformedMailIsParkedWithItsReason() throws Exception {
        MailIn noFrom = new MailIn("<" + UUID.randomUUID() + "@x>", null, "hello", "x", null, List.of(), null, null, null, null);
        assertThat(intake.receive(noFrom).outcome()).isEqualTo(Outcome.REVIEW);
        MailIn longName = new MailIn("<" + UUID.randomUUID() + "@x>", "rita@example.com", "report", "x", null,
                List.of(new MailIn.File("a".repeat(5000) + ".pdf", "application/pdf", 1, new byte[1])), null, DKIM_PASS, null, null);
        assertThat(intake.receive(longName).outcome()).isEqualTo(Outcome.REVIEW);
        MailIn longType = new MailIn("<" + UUID.randomUUID() + "@x>", "rita@example.com", "report", "x", null,
                List.of(new MailIn.File("a.pdf", "application/" + "x".repeat(5000), 1, new byte[1])), null, DKIM_PASS, null, null);
        assertThat(intake.receive(longType).outcome()).isEqualTo(Outcome.REVIEW);
        MailIn broken = new MailIn("<" + UUID.randomUUID() + "@x>", "rita@example.com", "report", "", null, List.of(),
                null, DKIM_PASS, null, "unreadable MIME structure: Missing start boundary");
        assertThat(intake.receive(broken).outcome()).isEqualTo(Outcome.REVIEW);
        MailIn longId = new MailIn("<" + "i".repeat(3000) + "@x>", null, "s", "t", null, List.of(), null, null, null, null);
        assertThat(intake.receive(longId).outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(intake.receive(longId).outcome()).as("recognised again").isEqualTo(Outcome.DUPLICATE);
        assertThat(reasons()).contains("malformed mail: missing From header",
                "malformed mail: attachment name longer than 255 characters",
                "malformed mail: attachment content type longer than 200 characters",
                "malformed mail: unreadable MIME structure: Missing start boundary");
    }

    @Test
    void aMailWithoutMessageIdIsRecognisedByItsHeaders() throws Exception {
        MailIn once = new MailIn(null, "rita@example.com", "Printer jam " + UUID.randomUUID(), "x", null, List.of(), null,
                DKIM_PASS, "ab".repeat(32), null);
        MailIn other = new MailIn(null, "rita@example.com", once.subject(), "x", null, List.of(), null,
                DKIM_PASS, "cd".repeat(32), null);
        assertThat(intake.receive(once).outcome()).isEqualTo(Outcome.OPENED);
        assertThat(intake.receive(once).outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(intake.receive(other).outcome()).as("other headers, another mail").isEqualTo(Outcome.OPENED);
    }

    private String ritasIncident() throws Exception {
        return body(postAs("rita", "/api/v1/incidents", Map.of("title", "VPN drops"))).get("number").asText();
    }

    private List<String> reasons() throws Exception {
        return body(getAs("alice", "/api/v1/inbox/review")).findValuesAsText("reason");
    }

    private List<String> messages(String number) {
        return incidents.journal(number).stream().map(JournalEntryView::message).filter(Objects::nonNull).toList();
    }

    /** The text of every mail here is the same, so the tests can look for it in journals. */
    private static MailIn mail(String from, String subject, String ticket, String token, String verifiedBy) {
        return new MailIn("<" + UUID.randomUUID() + "@mail.example>", from, subject, "forged or not?", ticket, List.of(),
                token, verifiedBy, null, null);
    }
}
