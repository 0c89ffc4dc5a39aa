package io.itsmhub.hub.directory;

import io.itsmhub.connectors.ConnectorException;
import io.itsmhub.connectors.ldap.DirectoryClient;
import io.itsmhub.connectors.mail.MailSender;
import io.itsmhub.connectors.mail.OutgoingMail;
import io.itsmhub.connectors.sms.SmsClient;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.journal.JournalWriter;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The account operations fulfilment performs in the directory, each journaled on the ticket it fulfils. A reset
 * password is generated here, set in the directory and sent straight to its owner by mail (or SMS when they have no
 * mail address): it never goes through the outbox, the journal or a log, where it would be stored.
 */
@Component
@ConditionalOnExpression(LdapConfig.CONFIGURED)
public class DirectoryOperations {

    private static final String SYSTEM = "ldap";
    // no 0/O, 1/l/I: read aloud or typed from a phone without mistakes
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 16;

    private final DirectoryClient directory;
    private final PeopleService people;
    private final JournalWriter journal;
    private final ObjectProvider<MailSender> mail;
    private final ObjectProvider<SmsClient> sms;
    private final SecureRandom random = new SecureRandom();

    DirectoryOperations(DirectoryClient directory, PeopleService people, JournalWriter journal,
                        ObjectProvider<MailSender> mail, ObjectProvider<SmsClient> sms) {
        this.directory = directory;
        this.people = people;
        this.journal = journal;
        this.mail = mail;
        this.sms = sms;
    }

    public void addToGroup(String ticket, String username, String group) {
        timed(ticket, "add " + username + " to " + group, () -> directory.addToGroup(username, group));
    }

    public void removeFromGroup(String ticket, String username, String group) {
        timed(ticket, "remove " + username + " from " + group, () -> directory.removeFromGroup(username, group));
    }

    public void disable(String ticket, String username) {
        timed(ticket, "disable " + username, () -> directory.disable(username));
    }

    /** Sets a new one-time password and delivers it to the person; says in the journal where it went, not what it is. */
    public void resetPassword(String ticket, String username) {
        Person person = people.find(username).filter(Person::isActive).orElseThrow(() ->
                ConnectorException.permanent(SYSTEM, "no active user '" + username + "' to reset", null));
        MailSender mailer = mail.getIfAvailable();
        SmsClient texter = sms.getIfAvailable();
        boolean byMail = mailer != null && person.getEmail() != null;
        if (!byMail && (texter == null || person.getPhone() == null)) {
            throw ConnectorException.permanent(SYSTEM, username + " has no mail address or phone the hub can reach; "
                    + "reset the password by hand", null);
        }
        String password = generate();
        timed(ticket, "reset the password of " + username, () -> directory.setPassword(username, password));
        String text = "Your password was reset for " + ticket + ". One-time password: " + password
                + "\nChange it at your next login.";
        if (byMail) {
            mailer.send(new OutgoingMail(List.of(person.getEmail()), "[" + ticket + "] Your new password", text, null, null,
                    Map.of("X-ITSM-Ticket", ticket)));
            journal.note(ticket, SYSTEM, JournalMessage.of(JournalKeys.OTP_SENT_BY_MAIL, person.getEmail()));
        } else {
            texter.send(person.getPhone(), text);
            journal.note(ticket, SYSTEM, JournalMessage.of(JournalKeys.OTP_SENT_BY_SMS, username));
        }
    }

    private String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private void timed(String ticket, String operation, Runnable call) {
        long started = System.nanoTime();
        try {
            call.run();
            journal.externalCall(ticket, SYSTEM, operation, "done", (System.nanoTime() - started) / 1_000_000, 1);
        } catch (ConnectorException e) {
            journal.externalCall(ticket, SYSTEM, operation, "failed: " + e.getMessage(), (System.nanoTime() - started) / 1_000_000, 1);
            throw e;
        }
    }
}
