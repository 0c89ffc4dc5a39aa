package io.itsmhub.hub.mail;

import io.itsmhub.connectors.mail.ImapMailbox;
import io.itsmhub.hub.leader.SingletonTimers;
import io.itsmhub.connectors.mail.IncomingMail;
import io.itsmhub.connectors.mail.MailSettings;
import io.itsmhub.connectors.mail.Mailbox;
import io.itsmhub.connectors.mail.SenderAuthentication;
import io.itsmhub.connectors.mail.TicketReference;
import io.itsmhub.core.inbox.MailIn;
import io.itsmhub.core.inbox.MailIntake;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every {@code hub.mail.poll-interval} the hub's mailbox is read: each mail is taken in (its own transaction), and
 * only then marked processed in the mailbox, so a crash in between means a second look, which the intake
 * recognises by Message-ID, never a lost mail. Several hubs may read one mailbox: the intake takes each mail once.
 * What the mail says about its own trustworthiness is read here: the reply token in the plus address it was sent
 * to, and whether a trusted receiving server vouches for its From domain ({@link SenderAuthentication}). A mail
 * the intake fails on is parked in review, not tried again at every poll; only when parking fails too (the
 * database is down) is it left for the next poll.
 */
@Component
@EnableConfigurationProperties(MailTrustSettings.class)
@ConditionalOnExpression("!'${hub.mail.imap.host:}'.isBlank()")
class MailIntakeRoute extends RouteBuilder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailIntakeRoute.class);
    private static final int BATCH = 50;

    private final Mailbox mailbox;
    private final MailIntake intake;
    private final MailSettings settings;
    private final SenderAuthentication authentication;

    private final SingletonTimers timers;

    MailIntakeRoute(MailSettings settings, MailTrustSettings trust, MailIntake intake, SingletonTimers timers) {
        this.timers = timers;
        this.mailbox = new ImapMailbox(settings);
        this.intake = intake;
        this.settings = settings;
        this.authentication = new SenderAuthentication(trust.trustedAuthservIds());
    }

    @Override
    public void configure() {
        from("timer:mail-intake?period={{hub.mail.poll-interval:30s}}&delay=2s")
                .routeId("mail-intake")
                .process(e -> e.getMessage().setBody(timers.call("mail-intake", this::pollOnce).orElse(0)))
                .filter(simple("${body} > 0"))
                .log("Took in ${body} mail(s)");
    }

    int pollOnce() {
        List<IncomingMail> mails = mailbox.unread(BATCH);
        List<Long> done = new ArrayList<>();
        for (IncomingMail mail : mails) {
            MailIn in = toMailIn(mail);
            try {
                MailIntake.Result result = intake.receive(in);
                log.info("Mail from {} → {} {}", mail.from(), result.outcome(), result.ticket() == null ? "" : result.ticket());
                done.add(mail.uid());
            } catch (RuntimeException e) {
                park(mail, in, e).ifPresent(done::add);
            }
        }
        if (!done.isEmpty()) {
            mailbox.markProcessed(done);
        }
        return done.size();
    }

    private Optional<Long> park(IncomingMail mail, MailIn in, RuntimeException failure) {
        try {
            intake.park(in, "not taken in: " + failure.getMessage());
            log.warn("Mail {} not taken in, parked for review: {}", mail.messageId(), failure.getMessage());
            return Optional.of(mail.uid());
        } catch (RuntimeException parkingFailed) {
            log.warn("Mail {} not taken in, tried again next time: {}", mail.messageId(), parkingFailed.getMessage());
            return Optional.empty();
        }
    }

    private MailIn toMailIn(IncomingMail mail) {
        List<MailIn.File> files = mail.attachments().stream().map(a -> new MailIn.File(a.filename(), a.contentType(),
                a.size(), a.skipped() ? null : a.content())).toList();
        return new MailIn(mail.messageId(), mail.from(), mail.subject(), mail.text(),
                TicketReference.find(mail.subject()).orElse(null), files, settings.replyTag(mail.recipients()),
                authentication.verify(mail.authenticationResults(), mail.from()).orElse(null), mail.headerDigest(),
                mail.defect());
    }

    @Override
    public void close() throws Exception {
        if (mailbox instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
