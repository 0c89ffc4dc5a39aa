package io.itsmhub.core.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/** Columns every ticket has. The id and its sequence stay with each ticket type (one number range per prefix). */
@MappedSuperclass
public abstract class TicketBase {

    @Column(nullable = false, unique = true, updatable = false, length = 20)
    protected String number;

    @Column(nullable = false, length = 200)
    protected String title;

    @Column(length = 10000)
    protected String description;

    @Column(name = "created_at", nullable = false, updatable = false)
    protected Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    protected Instant updatedAt;

    /** Optimistic lock: two agents acting on the same ticket at once cannot overwrite each other. */
    @Version
    protected Long version;

    public String getNumber() { return number; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Long getVersion() { return version; }

    public void setTitle(String title) { this.title = title; }
    public void setDescription(String description) { this.description = description; }
    public void touch(Instant now) { this.updatedAt = now; }

    protected void created(String number, Instant now) {
        this.number = number;
        this.createdAt = now;
        this.updatedAt = now;
    }
}
