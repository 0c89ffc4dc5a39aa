package io.itsmhub.core.inbox;

import io.itsmhub.core.change.ChangeService;
import io.itsmhub.core.incident.IncidentForm;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import io.itsmhub.core.problem.ProblemService;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.security.RunAs;
import io.itsmhub.core.ticket.ForbiddenActionException;
import io.itsmhub.core.ticket.TicketNotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in one mail: a reply naming a ticket → a comment by the sender; a new mail from a known user → an incident
 * (source email) raised by them; an unknown sender, or a ticket the sender may not touch → the review list. A mail
 * seen before (same Message-ID: the mailbox delivers at least once) is skipped.
 */
@Service
public class MailIntake {

    public enum Outcome { COMMENTED, OPENED, REVIEW, DUPLICATE }

    public record Result(Outcome outcome, String ticket) { }

    private static final int MAX_TITLE = 200;

    private final InboundMailRepository mails;
    private final AttachmentRepository attachments;
    private final PeopleService people;
    private final IncidentService incidents;
    private final RequestService requests;
    private final ChangeService changes;
    private final ProblemService problems;
    private final Journal journal;
    private final TransactionTemplate tx;
    private final Clock clock;

    MailIntake(InboundMailRepository mails, AttachmentRepository attachments, PeopleService people,
               IncidentService incidents, RequestService requests, ChangeService changes, ProblemService problems,
               Journal journal, TransactionTemplate tx, Clock clock) {
        this.tx = tx;
        this.mails = mails;
        this.attachments = attachments;
        this.people = people;
        this.incidents = incidents;
        this.requests = requests;
        this.changes = changes;
        this.problems = problems;
        this.journal = journal;
        this.clock = clock;
    }

    /** Each outcome is one transaction with the mail's own row, so a redelivered mail is recognised. */
    public Result receive(MailIn mail) {
        if (mail.messageId() != null && mails.existsByMessageId(mail.messageId())) {
            return new Result(Outcome.DUPLICATE, null);
        }
        Optional<Person> sender = people.findByEmail(mail.from());
        if (sender.isEmpty()) {
            return tx.execute(s -> review(mail, null, "unknown sender " + mail.from()));
        }
        Person person = sender.get();
        if (mail.ticket() != null) {
            try {
                return tx.execute(s -> RunAs.person(person, () -> {
                    comment(mail.ticket(), "By e-mail: " + nonEmpty(mail.text()));
                    keepAttachments(mail, mail.ticket(), person.getUsername());
                    mails.save(new InboundMail(mail, InboundMail.Status.COMMENTED, mail.ticket(), null, clock.instant()));
                    return new Result(Outcome.COMMENTED, mail.ticket());
                }));
            } catch (TicketNotFoundException | ForbiddenActionException | org.springframework.security.access.AccessDeniedException e) {
                return tx.execute(s -> review(mail, mail.ticket(), person.getUsername() + " cannot comment on "
                        + mail.ticket() + ": " + e.getMessage()));
            }
        }
        return tx.execute(s -> open(mail, person));
    }

    private Result open(MailIn mail, Person person) {
        String title = mail.subject() == null || mail.subject().isBlank() ? "(no subject)" : mail.subject().strip();
        String number = RunAs.person(person, () -> incidents.create(new IncidentForm(
                title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title, InboundMail.cut(mail.text(), 10000), null, null,
                person.getUsername(), null, null, null, null, "email",
                mail.messageId() == null ? null : InboundMail.cut(mail.messageId(), 200))).number());
        keepAttachments(mail, number, person.getUsername());
        mails.save(new InboundMail(mail, InboundMail.Status.OPENED, number, null, clock.instant()));
        return new Result(Outcome.OPENED, number);
    }

    @Transactional(readOnly = true)
    public List<InboxView> reviewList() {
        return mails.findTop100ByStatusOrderByIdDesc(InboundMail.Status.REVIEW).stream().map(InboundMail::view).toList();
    }

    private Result review(MailIn mail, String ticket, String reason) {
        mails.save(new InboundMail(mail, InboundMail.Status.REVIEW, ticket, reason, clock.instant()));
        return new Result(Outcome.REVIEW, ticket);
    }

    private void comment(String number, String text) {
        switch (number.substring(0, 3)) {
            case "INC" -> incidents.comment(number, text);
            case "REQ" -> requests.comment(number, text);
            case "CHG" -> changes.comment(number, text);
            case "PRB" -> problems.comment(number, text);
            default -> throw new TicketNotFoundException("ticket", number);
        }
    }

    private void keepAttachments(MailIn mail, String ticket, String actor) {
        for (MailIn.File file : mail.attachments() == null ? List.<MailIn.File>of() : mail.attachments()) {
            if (file.content() == null) {
                journal.note(ticket, actor, "Attachment %s (%d bytes) not kept: over the size limit".formatted(file.filename(), file.size()));
            } else {
                attachments.save(new Attachment(ticket, file, clock.instant()));
                journal.note(ticket, actor, "Attachment %s (%d bytes) kept".formatted(file.filename(), file.size()));
            }
        }
    }

    private static String nonEmpty(String text) {
        return text == null || text.isBlank() ? "(empty mail)" : text.strip();
    }
}
