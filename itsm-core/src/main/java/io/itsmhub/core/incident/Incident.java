package io.itsmhub.core.incident;

import io.itsmhub.core.common.Priority;
import io.itsmhub.core.ticket.Stateful;
import io.itsmhub.core.ticket.Ticket;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "incident")
public class Incident extends Ticket implements Stateful<IncidentStatus> {

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private IncidentStatus status = IncidentStatus.NEW;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Priority.Level impact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Priority.Level urgency;

    /** What a requester said when raising it; the priority above comes from the service desk's triage. */
    @Enumerated(EnumType.STRING)
    @Column(name = "reported_impact", length = 10)
    private Priority.Level reportedImpact;

    @Enumerated(EnumType.STRING)
    @Column(name = "reported_urgency", length = 10)
    private Priority.Level reportedUrgency;

    @Column(length = 100)
    private String caller;

    @Column(name = "affected_ci", length = 20)
    private String affectedCi;

    @Column(length = 20)
    private String service;

    @Column(nullable = false, length = 30)
    private String source = "manual";

    @Column(name = "source_ref", length = 200)
    private String sourceRef;

    /** The change this incident came from, or may have come from (a failed deployment, the post-release watch). */
    @Column(name = "related_change", length = 20)
    private String relatedChange;

    @Column(name = "resolution_code", length = 50)
    private String resolutionCode;

    @Column(name = "resolution_note", length = 4000)
    private String resolutionNote;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected Incident() { }

    Incident(String title, Priority.Level impact, Priority.Level urgency) {
        this.title = title;
        this.impact = impact;
        this.urgency = urgency;
        this.priority = Priority.of(impact, urgency);
    }

    void open(long id, Instant now) {
        this.id = id;
        created(io.itsmhub.core.common.TicketNumbers.format("INC", id), now);
    }

    @Override
    public String ticketType() { return "incident"; }

    @Override
    public boolean isOpen() { return status.isOpen(); }

    @Override
    public String raisedBy() { return caller; }

    public Long getId() { return id; }
    @Override
    public IncidentStatus getStatus() { return status; }
    public Priority.Level getImpact() { return impact; }
    public Priority.Level getUrgency() { return urgency; }
    public Priority.Level getReportedImpact() { return reportedImpact; }
    public Priority.Level getReportedUrgency() { return reportedUrgency; }
    public String getCaller() { return caller; }
    public String getAffectedCi() { return affectedCi; }
    public String getService() { return service; }
    public String getSource() { return source; }
    public String getSourceRef() { return sourceRef; }
    public String getRelatedChange() { return relatedChange; }
    public String getResolutionCode() { return resolutionCode; }
    public String getResolutionNote() { return resolutionNote; }
    public Instant getRespondedAt() { return respondedAt; }
    public Instant getResolvedAt() { return resolvedAt; }
    public Instant getClosedAt() { return closedAt; }

    @Override
    public void setStatus(IncidentStatus status) { this.status = status; }
    void setCaller(String caller) { this.caller = caller; }
    void setReported(Priority.Level impact, Priority.Level urgency) { this.reportedImpact = impact; this.reportedUrgency = urgency; }
    void setAffectedCi(String affectedCi) { this.affectedCi = affectedCi; }
    void setService(String service) { this.service = service; }
    void setSource(String source) { this.source = source; }
    void setSourceRef(String sourceRef) { this.sourceRef = sourceRef; }
    void setRelatedChange(String relatedChange) { this.relatedChange = relatedChange; }
    void setResolution(String code, String note) { this.resolutionCode = code; this.resolutionNote = note; }
    void setResolvedAt(Instant resolvedAt) { this.resolvedAt = resolvedAt; }
    void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }

    /** The first time someone takes the incident on (assigns or starts it) is its response. */
    void respondedIfFirst(Instant now) {
        if (respondedAt == null) {
            respondedAt = now;
        }
    }

    void setImpactAndUrgency(Priority.Level impact, Priority.Level urgency) {
        this.impact = impact;
        this.urgency = urgency;
        this.priority = Priority.of(impact, urgency);
    }
}
