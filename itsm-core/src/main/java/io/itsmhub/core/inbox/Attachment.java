package io.itsmhub.core.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file kept on a ticket (from a mail, for now). */
@Entity
@Table(name = "attachment")
class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_number", nullable = false, length = 20)
    private String ticketNumber;

    @Column(nullable = false, length = 500)
    private String filename;

    @Column(name = "content_type", length = 200)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    private byte[] content;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Attachment() { }

    Attachment(String ticketNumber, MailIn.File file, Instant now) {
        this.ticketNumber = ticketNumber;
        this.filename = file.filename() == null ? "attachment" : file.filename();
        this.contentType = file.contentType();
        this.size = file.size();
        this.content = file.content();
        this.createdAt = now;
    }

    String getTicketNumber() { return ticketNumber; }
    String getFilename() { return filename; }
    long getSize() { return size; }
}
