package io.itsmhub.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.inbox.MailIntake.Outcome;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Mail in: replies become comments, new mails from known users incidents, the rest waits for review. */
class MailIntakeApiTest extends ApiTest {

    @Autowired MailIntake intake;
    @Autowired IncidentService incidents;

    @Test
    void aNewMailFromAKnownUserOpensAnIncidentAndAReplyComments() {
        MailIn first = mail("RITA@example.com", "VPN drops every hour", "Since Monday.", null,
                List.of(new MailIn.File("log.txt", "text/plain", 5, "hello".getBytes()),
                        new MailIn.File("dump.bin", "application/octet-stream", 50_000_000, null)));
        MailIntake.Result opened = intake.receive(first);
        assertThat(opened.outcome()).isEqualTo(Outcome.OPENED);
        var incident = incidents.get(opened.ticket());
        assertThat(incident.caller()).isEqualTo("rita");
        assertThat(incident.source()).isEqualTo("email");
        assertThat(messages(opened.ticket())).contains("Attachment log.txt (5 bytes) kept")
                .contains("Attachment dump.bin (50000000 bytes) not kept: over the size limit");
        assertThat(intake.receive(first).outcome()).as("the same mail again").isEqualTo(Outcome.DUPLICATE);

        MailIntake.Result reply = intake.receive(mail("rita@example.com", "Re: [" + opened.ticket() + "] VPN",
                "It happened again at 10:00.", opened.ticket(), List.of()));
        assertThat(reply.outcome()).isEqualTo(Outcome.COMMENTED);
        assertThat(messages(opened.ticket())).contains("By e-mail: It happened again at 10:00.");
    }

    @Test
    void unknownSendersAndForeignTicketsWaitForReview() throws Exception {
        assertThat(intake.receive(mail("stranger@evil.example", "Invoice", "pay", null, List.of())).outcome())
                .isEqualTo(Outcome.REVIEW);
        String alices = body(postAs("alice", "/api/v1/incidents", Map.of("title", "Alice's own")).andExpect(status().isCreated()))
                .get("number").asText();
        MailIntake.Result foreign = intake.receive(mail("rick@example.com", "Re: [" + alices + "]", "me too", alices, List.of()));
        assertThat(foreign.outcome()).as("a requester may not comment on someone else's incident").isEqualTo(Outcome.REVIEW);
        assertThat(messages(alices)).noneMatch(m -> m.contains("me too"));
        assertThat(body(getAs("alice", "/api/v1/inbox/review")).findValuesAsText("reason"))
                .anyMatch(r -> r.equals("unknown sender stranger@evil.example"))
                .anyMatch(r -> r.startsWith("rick cannot comment on " + alices));
        getAs("rita", "/api/v1/inbox/review").andExpect(status().isForbidden());
    }

    private List<String> messages(String number) {
        return incidents.journal(number).stream().map(JournalEntryView::message).filter(java.util.Objects::nonNull).toList();
    }

    /** A mail the receiving server vouches for: the rules here are about what a trusted sender may do. */
    private static MailIn mail(String from, String subject, String text, String ticket, List<MailIn.File> files) {
        return new MailIn("<" + UUID.randomUUID() + "@mail.example>", from, subject, text, ticket, files, null,
                "dkim=pass header.d=example.com (mx.example.com)", null, null);
    }
}
