package io.itsmhub.core.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Every mail the hub took in and what it made of it; the ones in REVIEW wait for a person. */
@Entity
@Table(name = "inbound_mail")
class InboundMail {

    enum Status { COMMENTED, OPENED, REVIEW }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id", length = 500)
    private String messageId;

    /** The Message-ID, or a hash when there is none or it is too long: unique, so that two hubs take a mail once. */
    @Column(name = "mail_key", nullable = false, length = 600)
    private String mailKey;

    /** Null when the mail had no readable From. */
    @Column(length = 300)
    private String sender;

    @Column(length = 1000)
    private String subject;

    @Column(length = 100000)
    private String body;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(length = 500)
    private String reason;

    @Column(length = 20)
    private String ticket;

    protected InboundMail() { }

    InboundMail(MailIn mail, String mailKey, Status status, String ticket, String reason, Instant now) {
        this.mailKey = mailKey;
        this.messageId = cut(mail.messageId(), 500);
        this.sender = cut(mail.from(), 300);
        this.subject = cut(mail.subject(), 1000);
        this.body = cut(mail.text(), 100000);
        this.status = status;
        this.ticket = ticket;
        this.reason = cut(reason, 500);
        this.receivedAt = now;
    }

    InboxView view() {
        return new InboxView(id, messageId, sender, subject, body, receivedAt, status.name(), reason, ticket);
    }

    /** At most {@code max} characters: mail is outside input and the columns are bounded. */
    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
