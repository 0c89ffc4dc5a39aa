package io.itsmhub.core.ticket;

import com.fasterxml.jackson.core.type.TypeReference;
import io.itsmhub.core.common.JsonColumn;
import io.itsmhub.core.common.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ticket kernel's model: what every ticket type has — number, title, desk, priority, assignment, SLA clocks,
 * custom attributes — and what {@link TicketKernel} does once for all of them. A type adds its own fields and its
 * workflow's status; the id and its sequence stay with each type (one number range per prefix).
 */
@MappedSuperclass
public abstract class Ticket {

    @Column(nullable = false, unique = true, updatable = false, length = 20)
    protected String number;

    @Column(nullable = false, length = 200)
    protected String title;

    @Column(length = 10000)
    protected String description;

    /** The desk the ticket belongs to: who sees it, whose SLA targets and workflow apply. */
    @Column(name = "desk_code", nullable = false, length = 40)
    protected String deskCode = "HQ";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    protected Priority priority = Priority.P3;

    @Column(name = "assignment_group", length = 100)
    protected String assignmentGroup;

    @Column(length = 100)
    protected String assignee;

    @Column(name = "response_due")
    protected Instant responseDue;

    @Column(name = "resolution_due")
    protected Instant resolutionDue;

    @Column(name = "sla_breached", nullable = false)
    protected boolean slaBreached;

    /** Custom attributes (the fields a desk or a type defines without code), as JSON. */
    @Column(length = 100000)
    protected String attributes;

    @Column(name = "created_at", nullable = false, updatable = false)
    protected Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    protected Instant updatedAt;

    /** The routing rule that placed a new ticket (0: none did), for its first journal lines; not stored. */
    @jakarta.persistence.Transient
    int routedByRule;

    /** Optimistic lock: two agents acting on the same ticket at once cannot overwrite each other. */
    @Version
    protected Long version;

    /** The ticket type ("incident", "request", …): the key of its workflow, SLA targets and fields. */
    public abstract String ticketType();

    /** Who raised it (caller, requester): the one person outside the desk who sees it; null if nobody. */
    public abstract String raisedBy();

    /** Still being worked: not resolved, closed, cancelled, fulfilled or rejected (what escalation and queues mean by open). */
    public abstract boolean isOpen();

    /** Whether a public comment is told to whoever raised it (mail, chat); types without a requester say no. */
    public boolean tellsRequesterOfComments() {
        return true;
    }

    public String getNumber() { return number; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public String getDeskCode() { return deskCode; }
    public Priority getPriority() { return priority; }
    public String getAssignmentGroup() { return assignmentGroup; }
    public String getAssignee() { return assignee; }
    public Instant getResponseDue() { return responseDue; }
    public Instant getResolutionDue() { return resolutionDue; }
    public boolean isSlaBreached() { return slaBreached; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Long getVersion() { return version; }

    public Map<String, String> getAttributes() {
        return attributes == null ? Map.of() : JsonColumn.read(attributes, new TypeReference<LinkedHashMap<String, String>>() { });
    }

    public void setTitle(String title) { this.title = title; }
    public void setDescription(String description) { this.description = description; }
    public void touch(Instant now) { this.updatedAt = now; }
    public void setAssignmentGroup(String assignmentGroup) { this.assignmentGroup = assignmentGroup; }
    public void setAssignee(String assignee) { this.assignee = assignee; }
    public void setSlaBreached(boolean slaBreached) { this.slaBreached = slaBreached; }
    public void setDue(Instant responseDue, Instant resolutionDue) { this.responseDue = responseDue; this.resolutionDue = resolutionDue; }

    public void setAttributes(Map<String, String> values) {
        this.attributes = values == null || values.isEmpty() ? null : JsonColumn.write(values);
    }

    /** Only the kernel moves a ticket between desks (routing on creation, escalation): both are journaled there. */
    void setDeskCode(String deskCode) { this.deskCode = deskCode; }

    protected void created(String number, Instant now) {
        this.number = number;
        this.createdAt = now;
        this.updatedAt = now;
    }
}
