package io.itsmhub.core.journal;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * One line of a ticket's journal. Immutable: corrections are new lines, never edits. What it says is a message key
 * and its arguments (rendered in the reader's language, see {@link JournalRenderer}); lines written before keys
 * (V19) have their English text in {@code message} and no key.
 */
@Entity
@Immutable
@Table(name = "journal_entry")
public class JournalEntry {

    public enum Kind { CREATED, TRANSITION, FIELD_CHANGED, COMMENT, EXTERNAL_CALL, NOTE }

    /**
     * Who may read the line: PUBLIC lines (comments, status and field changes) are the requester's too; INTERNAL
     * lines (work notes, notes the hub writes, external calls with their hosts, addresses and errors) are staff only.
     */
    public enum Visibility { PUBLIC, INTERNAL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_number", nullable = false, length = 20)
    private String ticketNumber;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(nullable = false, length = 100)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Column(length = 100)
    private String field;

    @Column(name = "old_value", length = 4000)
    private String oldValue;

    @Column(name = "new_value", length = 4000)
    private String newValue;

    /** Text of lines written before message keys; null for a keyed line. */
    @Column(length = 10000)
    private String message;

    @Column(name = "message_key", length = 100)
    private String messageKey;

    @Convert(converter = JournalArgs.class)
    @Column(name = "message_args", length = JournalArgs.MAX_JSON)
    private List<String> messageArgs;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Visibility visibility;

    protected JournalEntry() { }

    JournalEntry(String ticketNumber, Instant at, String actor, Kind kind, String field, String oldValue,
                 String newValue, JournalMessage message, Visibility visibility) {
        this.ticketNumber = ticketNumber;
        this.at = at;
        this.actor = actor;
        this.kind = kind;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.messageKey = message == null ? null : message.key();
        this.messageArgs = message == null ? null : JournalArgs.fit(message.args());
        this.visibility = visibility;
    }

    public Long getId() { return id; }
    public String getTicketNumber() { return ticketNumber; }
    public Instant getAt() { return at; }
    public String getActor() { return actor; }
    public Kind getKind() { return kind; }
    public String getField() { return field; }
    public String getOldValue() { return oldValue; }
    public String getNewValue() { return newValue; }
    public String getMessage() { return message; }
    public String getMessageKey() { return messageKey; }
    public List<String> getMessageArgs() { return messageArgs == null ? List.of() : messageArgs; }
    public Visibility getVisibility() { return visibility; }
}
