package io.itsmhub.hub.mail;

import io.itsmhub.connectors.mail.ImapMailbox;
import io.itsmhub.connectors.mail.IncomingMail;
import io.itsmhub.connectors.mail.MailSettings;
import io.itsmhub.connectors.mail.Mailbox;
import io.itsmhub.connectors.mail.TicketReference;
import io.itsmhub.core.inbox.MailIn;
import io.itsmhub.core.inbox.MailIntake;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Every {@code hub.mail.poll-interval} the hub's mailbox is read: each mail is taken in (its own transaction), and
 * only then marked processed in the mailbox, so a crash in between means a second look, which the intake
 * recognises by Message-ID, never a lost mail.
 */
@Component
@ConditionalOnExpression("!'${hub.mail.imap.host:}'.isBlank()")
class MailIntakeRoute extends RouteBuilder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailIntakeRoute.class);
    private static final int BATCH = 50;

    private final Mailbox mailbox;
    private final MailIntake intake;

    MailIntakeRoute(MailSettings settings, MailIntake intake) {
        this.mailbox = new ImapMailbox(settings);
        this.intake = intake;
    }

    @Override
    public void configure() {
        from("timer:mail-intake?period={{hub.mail.poll-interval:30s}}&delay=2s")
                .routeId("mail-intake")
                .process(e -> e.getMessage().setBody(pollOnce()))
                .filter(simple("${body} > 0"))
                .log("Took in ${body} mail(s)");
    }

    int pollOnce() {
        List<IncomingMail> mails = mailbox.unread(BATCH);
        List<Long> done = new ArrayList<>();
        for (IncomingMail mail : mails) {
            try {
                MailIntake.Result result = intake.receive(toMailIn(mail));
                log.info("Mail from {} → {} {}", mail.from(), result.outcome(), result.ticket() == null ? "" : result.ticket());
                done.add(mail.uid());
            } catch (RuntimeException e) {
                log.warn("Mail {} not taken in, tried again next time: {}", mail.messageId(), e.getMessage());
            }
        }
        if (!done.isEmpty()) {
            mailbox.markProcessed(done);
        }
        return done.size();
    }

    private static MailIn toMailIn(IncomingMail mail) {
        List<MailIn.File> files = mail.attachments().stream().map(a -> new MailIn.File(a.filename(), a.contentType(),
                a.size(), a.skipped() ? null : a.content())).toList();
        return new MailIn(mail.messageId(), mail.from(), mail.subject(), mail.text(),
                TicketReference.find(mail.subject()).orElse(null), files);
    }

    @Override
    public void close() throws Exception {
        if (mailbox instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
