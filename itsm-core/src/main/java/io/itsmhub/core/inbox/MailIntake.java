package io.itsmhub.core.inbox;

import io.itsmhub.core.change.ChangeService;
import io.itsmhub.core.incident.IncidentForm;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import io.itsmhub.core.problem.ProblemService;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.security.RunAs;
import io.itsmhub.core.common.ForbiddenActionException;
import io.itsmhub.core.common.TicketNotFoundException;
import io.itsmhub.core.common.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in one mail. A mail acts as a person only when it is trustworthy: it carries a reply token the hub issued
 * for that ticket and that address ({@link ReplyTokens}), or the receiving mail server vouches for its From domain
 * (a DKIM or SPF pass from a trusted authserv-id, judged before it reaches here: {@link MailIn#senderVerifiedBy}).
 * Then a reply naming a ticket → a comment by the sender, a new mail → an incident (source email) raised by them,
 * each only where the sender's roles would allow it through the API. Everything else (unknown or untrusted
 * senders, tickets the sender may not touch, malformed mail) goes to the review list with the reason. A mail seen
 * before, by this hub or another on the same database, is skipped: its key (Message-ID, else a hash of its
 * headers) is unique.
 */
@Service
public class MailIntake {

    public enum Outcome { COMMENTED, OPENED, REVIEW, DUPLICATE }

    public record Result(Outcome outcome, String ticket) { }

    private static final int MAX_TITLE = 200;
    static final int MAX_MESSAGE_ID = 500;
    static final int MAX_ATTACHMENT_NAME = 255;
    static final int MAX_CONTENT_TYPE = 200;

    private final InboundMailRepository mails;
    private final AttachmentRepository attachments;
    private final PeopleService people;
    private final IncidentService incidents;
    private final RequestService requests;
    private final ChangeService changes;
    private final ProblemService problems;
    private final Journal journal;
    private final ReplyTokens tokens;
    private final CurrentUser currentUser;
    private final TransactionTemplate tx;
    private final Clock clock;

    MailIntake(InboundMailRepository mails, AttachmentRepository attachments, PeopleService people,
               IncidentService incidents, RequestService requests, ChangeService changes, ProblemService problems,
               Journal journal, ReplyTokens tokens, CurrentUser currentUser, TransactionTemplate tx, Clock clock) {
        this.tx = tx;
        this.mails = mails;
        this.attachments = attachments;
        this.people = people;
        this.incidents = incidents;
        this.requests = requests;
        this.changes = changes;
        this.problems = problems;
        this.journal = journal;
        this.tokens = tokens;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Each outcome is one transaction with the mail's own row, so a redelivered mail is recognised; when two hubs
     * take in the same mail at once, the second commit fails on the mail's key and its effect is rolled back.
     */
    public Result receive(MailIn mail) {
        String key = keyOf(mail);
        if (mails.existsByMailKey(key)) {
            return new Result(Outcome.DUPLICATE, null);
        }
        try {
            return decide(mail, key);
        } catch (DataIntegrityViolationException collision) {
            if (mails.existsByMailKey(key)) {
                return new Result(Outcome.DUPLICATE, null);
            }
            throw collision;
        }
    }

    /**
     * Parks a mail that could not be taken in (the intake failed on it) in the review list, so that it is neither
     * lost nor tried again at every poll.
     */
    public Result park(MailIn mail, String reason) {
        String key = keyOf(mail);
        try {
            return tx.execute(s -> mails.existsByMailKey(key) ? new Result(Outcome.DUPLICATE, null)
                    : review(mail, key, null, reason));
        } catch (DataIntegrityViolationException collision) {
            return new Result(Outcome.DUPLICATE, null);
        }
    }

    private Result decide(MailIn mail, String key) {
        Optional<String> malformed = malformed(mail);
        if (malformed.isPresent()) {
            return tx.execute(s -> review(mail, key, mail.ticket(), malformed.get()));
        }
        Optional<Person> sender = people.findByEmail(mail.from());
        if (sender.isEmpty()) {
            return tx.execute(s -> review(mail, key, mail.ticket(), "unknown sender " + mail.from()));
        }
        Person person = sender.get();
        String tokenText = mail.replyToken() != null ? mail.replyToken()
                : ReplyTokens.present(mail.subject()) ? mail.subject() : null;
        String ticket;
        String trust;
        if (tokenText != null) {
            Optional<String> claimed = tokens.verify(tokenText, mail.from());
            if (claimed.isEmpty()) {
                return tx.execute(s -> review(mail, key, mail.ticket(), "untrusted sender " + mail.from()
                        + ": the reply token was not issued to this address"));
            }
            // The token names the ticket; a subject that names another one does not redirect the reply.
            ticket = claimed.get();
            trust = "reply token";
        } else if (mail.senderVerifiedBy() != null) {
            ticket = mail.ticket();
            trust = mail.senderVerifiedBy();
        } else {
            return tx.execute(s -> review(mail, key, mail.ticket(), "untrusted sender " + mail.from()
                    + ": no reply token, and no DKIM or SPF pass for its domain from a trusted mail server"));
        }
        if (ticket == null) {
            return tx.execute(s -> open(mail, key, person, trust));
        }
        try {
            return tx.execute(s -> RunAs.person(person, () -> {
                if (staffOnly(ticket) && currentUser.isRequesterOnly()) {
                    throw new ForbiddenActionException(ticket + " takes comments from staff only");
                }
                comment(ticket, "By e-mail: " + nonEmpty(mail.text()));
                keepAttachments(mail, ticket, person.getUsername());
                mails.save(new InboundMail(mail, key, InboundMail.Status.COMMENTED, ticket, "trusted: " + trust,
                        clock.instant()));
                return new Result(Outcome.COMMENTED, ticket);
            }));
        } catch (TicketNotFoundException | ForbiddenActionException | AccessDeniedException e) {
            return tx.execute(s -> review(mail, key, ticket, person.getUsername() + " cannot comment on "
                    + ticket + ": " + e.getMessage()));
        }
    }

    private Result open(MailIn mail, String key, Person person, String trust) {
        String title = mail.subject() == null || mail.subject().isBlank() ? "(no subject)" : mail.subject().strip();
        String number = RunAs.person(person, () -> incidents.create(new IncidentForm(
                title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title, InboundMail.cut(mail.text(), 10000), null, null,
                person.getUsername(), null, null, null, null, "email",
                mail.messageId() == null ? null : InboundMail.cut(mail.messageId(), 200))).number());
        keepAttachments(mail, number, person.getUsername());
        mails.save(new InboundMail(mail, key, InboundMail.Status.OPENED, number, "trusted: " + trust, clock.instant()));
        return new Result(Outcome.OPENED, number);
    }

    /** What makes the mail unfit to act on, said for the person who reviews it. */
    private static Optional<String> malformed(MailIn mail) {
        if (mail.defect() != null) {
            return Optional.of("malformed mail: " + mail.defect());
        }
        if (mail.from() == null || mail.from().isBlank()) {
            return Optional.of("malformed mail: missing From header");
        }
        for (MailIn.File file : mail.attachments() == null ? List.<MailIn.File>of() : mail.attachments()) {
            if (file.filename() != null && file.filename().length() > MAX_ATTACHMENT_NAME) {
                return Optional.of("malformed mail: attachment name longer than " + MAX_ATTACHMENT_NAME
                        + " characters");
            }
            if (file.contentType() != null && file.contentType().length() > MAX_CONTENT_TYPE) {
                return Optional.of("malformed mail: attachment content type longer than " + MAX_CONTENT_TYPE
                        + " characters");
            }
        }
        return Optional.empty();
    }

    /** Changes and problems answer to staff only through the API (their controllers' role rule), so by mail too. */
    private static boolean staffOnly(String ticket) {
        return ticket.startsWith("CHG") || ticket.startsWith("PRB");
    }

    /**
     * The Message-ID when it fits the column; else a hash of it, or of the header lines when there is none (the
     * same message read by two hubs has the same headers), or of sender, subject and text as a last resort.
     */
    static String keyOf(MailIn mail) {
        if (mail.messageId() != null && !mail.messageId().isBlank()) {
            return mail.messageId().length() <= MAX_MESSAGE_ID ? mail.messageId() : "sha256:" + sha256(mail.messageId());
        }
        if (mail.headerDigest() != null) {
            return "headers:" + mail.headerDigest();
        }
        return "content:" + sha256(mail.from() + "\n" + mail.subject() + "\n" + mail.text());
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Transactional(readOnly = true)
    public List<InboxView> reviewList() {
        return mails.findTop100ByStatusOrderByIdDesc(InboundMail.Status.REVIEW).stream().map(InboundMail::view).toList();
    }

    private Result review(MailIn mail, String key, String ticket, String reason) {
        mails.save(new InboundMail(mail, key, InboundMail.Status.REVIEW, ticket, reason, clock.instant()));
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
                journal.note(ticket, actor, JournalMessage.of(JournalKeys.MAIL_ATTACHMENT_TOO_LARGE, file.filename(), file.size()));
            } else {
                attachments.save(new Attachment(ticket, file, clock.instant()));
                journal.note(ticket, actor, JournalMessage.of(JournalKeys.MAIL_ATTACHMENT_KEPT, file.filename(), file.size()));
            }
        }
    }

    private static String nonEmpty(String text) {
        return text == null || text.isBlank() ? "(empty mail)" : text.strip();
    }
}
