package io.itsmhub.core.ticket.defined;

import io.itsmhub.core.common.Priority;
import io.itsmhub.core.ticket.Stateful;
import io.itsmhub.core.ticket.Ticket;
import io.itsmhub.core.common.TicketNumbers;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A ticket of a type defined as data: the kernel's columns, its type, a status named by the type's workflow. */
@Entity
@Table(name = "ticket")
public class DefinedTicket extends Ticket implements Stateful<String> {

    @Id
    private Long id;

    @Column(name = "ticket_type", nullable = false, updatable = false, length = 30)
    private String type;

    @Column(nullable = false, length = 40)
    private String status;

    @Column(length = 100)
    private String requester;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected DefinedTicket() { }

    DefinedTicket(long id, TicketTypeDefinition definition, String title, Priority priority, String requester, Instant now) {
        this.id = id;
        this.type = definition.type();
        this.status = definition.initialState();
        this.title = title;
        this.priority = priority;
        this.requester = requester;
        created(TicketNumbers.format(definition.prefix(), id), now);
    }

    @Override
    public String ticketType() { return type; }

    @Override
    public boolean isOpen() { return closedAt == null; }

    @Override
    public String raisedBy() { return requester; }

    public Long getId() { return id; }
    @Override
    public String getStatus() { return status; }
    @Override
    public void setStatus(String status) { this.status = status; }
    public String getRequester() { return requester; }
    public Instant getClosedAt() { return closedAt; }
    void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
}
