package io.itsmhub.core.change;

import com.fasterxml.jackson.core.type.TypeReference;
import io.itsmhub.core.common.JsonColumn;
import io.itsmhub.core.ticket.Stateful;
import io.itsmhub.core.ticket.Ticket;
import io.itsmhub.core.common.TicketNumbers;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

@Entity
@Table(name = "change_request")
public class Change extends Ticket implements Stateful<ChangeStatus> {

    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() { };

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_type", nullable = false, length = 20)
    private ChangeType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Risk risk;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ChangeStatus status = ChangeStatus.NEW;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Outcome outcome;

    @Column(name = "requested_by", nullable = false, length = 100)
    private String requestedBy;

    @Column(name = "planned_start")
    private Instant plannedStart;

    @Column(name = "planned_end")
    private Instant plannedEnd;

    @Column(length = 300)
    private String pipeline;

    @Column(name = "pipeline_parameters", length = 100000)
    private String pipelineParameters;

    @Column(name = "rollback_pipeline", length = 300)
    private String rollbackPipeline;

    /** The standard-change template it was created from; such a change is authorised on creation. */
    @Column(length = 100)
    private String template;

    /** An emergency change authorised in one step; it owes a review after implementation. */
    @Column(nullable = false)
    private boolean expedited;

    @Column(name = "release_version", length = 100)
    private String releaseVersion;

    @Column(name = "authorised_by", length = 100)
    private String authorisedBy;

    @Column(name = "close_note", length = 4000)
    private String closeNote;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "change_target_ci", joinColumns = @JoinColumn(name = "change_id"))
    @Column(name = "ci_number", length = 20)
    private Set<String> targetCis = new LinkedHashSet<>();

    protected Change() { }

    Change(long id, String title, ChangeType type, Risk risk, String requestedBy, Instant now) {
        this.id = id;
        this.title = title;
        this.type = type;
        this.risk = risk;
        this.requestedBy = requestedBy;
        created(TicketNumbers.format("CHG", id), now);
    }

    @Override
    public String ticketType() { return "change"; }

    /** Comments on a change are for the people working it; nobody is mailed them. */
    @Override
    public boolean tellsRequesterOfComments() { return false; }

    @Override
    public boolean isOpen() { return status != ChangeStatus.CLOSED; }

    @Override
    public String raisedBy() { return requestedBy; }

    public Long getId() { return id; }
    public ChangeType getType() { return type; }
    public Risk getRisk() { return risk; }
    @Override
    public ChangeStatus getStatus() { return status; }
    public Outcome getOutcome() { return outcome; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getPlannedStart() { return plannedStart; }
    public Instant getPlannedEnd() { return plannedEnd; }
    public String getPipeline() { return pipeline; }
    public Map<String, Object> getPipelineParameters() {
        return pipelineParameters == null ? Map.of() : JsonColumn.read(pipelineParameters, PARAMETERS);
    }
    public String getReleaseVersion() { return releaseVersion; }
    public String getRollbackPipeline() { return rollbackPipeline; }
    public String getTemplate() { return template; }
    public boolean isExpedited() { return expedited; }
    /** A release change runs a pipeline; other changes are carried out by hand. */
    public boolean isRelease() { return pipeline != null; }
    public String getAuthorisedBy() { return authorisedBy; }
    public String getCloseNote() { return closeNote; }
    public Set<String> getTargetCis() { return targetCis; }

    @Override
    public void setStatus(ChangeStatus status) { this.status = status; }
    void setRisk(Risk risk) { this.risk = risk; }
    void setOutcome(Outcome outcome) { this.outcome = outcome; }
    void setWindow(Instant start, Instant end) { this.plannedStart = start; this.plannedEnd = end; }
    void setRelease(String pipeline, Map<String, Object> parameters, String version) {
        this.pipeline = pipeline;
        this.pipelineParameters = parameters == null || parameters.isEmpty() ? null : JsonColumn.write(parameters);
        this.releaseVersion = version;
    }
    void setRollbackPipeline(String rollbackPipeline) { this.rollbackPipeline = rollbackPipeline; }
    void setTemplate(String template) { this.template = template; }
    void setExpedited(boolean expedited) { this.expedited = expedited; }
    void setAuthorisedBy(String authorisedBy) { this.authorisedBy = authorisedBy; }
    void setCloseNote(String closeNote) { this.closeNote = closeNote; }
    void setTargetCis(Set<String> targetCis) { this.targetCis = new LinkedHashSet<>(targetCis); }
}
