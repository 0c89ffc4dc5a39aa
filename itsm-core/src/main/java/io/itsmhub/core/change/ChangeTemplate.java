package io.itsmhub.core.change;

import com.fasterxml.jackson.core.type.TypeReference;
import io.itsmhub.core.common.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A standard change, drafted by one change manager and approved once by another: every change created from an
 * approved template is authorised on creation (the approval is its pre-authorisation) and runs exactly this
 * pipeline with these parameters on these CIs. Only the version and the window vary.
 */
@Entity
@Table(name = "change_template")
class ChangeTemplate {

    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() { };
    private static final TypeReference<LinkedHashSet<String>> CIS = new TypeReference<>() { };

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 10000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Risk risk;

    @Column(length = 300)
    private String pipeline;

    @Column(name = "pipeline_parameters", length = 100000)
    private String pipelineParameters;

    @Column(name = "rollback_pipeline", length = 300)
    private String rollbackPipeline;

    @Column(name = "target_cis", length = 4000)
    private String targetCis;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TemplateStatus status = TemplateStatus.DRAFT;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "approved_by", length = 100)
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private Long version;

    protected ChangeTemplate() { }

    ChangeTemplate(ChangeTemplateForm form, Map<String, Object> parameters, String createdBy, Instant now) {
        this.name = form.name();
        this.title = form.title();
        this.description = form.description();
        this.risk = form.risk() == null ? Risk.LOW : form.risk();
        this.pipeline = form.pipeline();
        this.pipelineParameters = parameters.isEmpty() ? null : JsonColumn.write(parameters);
        this.rollbackPipeline = form.rollbackPipeline();
        this.targetCis = form.targetCis() == null || form.targetCis().isEmpty() ? null : JsonColumn.write(form.targetCis());
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void approve(String approver, Instant now) {
        this.status = TemplateStatus.APPROVED;
        this.approvedBy = approver;
        this.approvedAt = now;
    }

    String getName() { return name; }
    String getTitle() { return title; }
    String getDescription() { return description; }
    Risk getRisk() { return risk; }
    String getPipeline() { return pipeline; }
    Map<String, Object> getParameters() {
        return pipelineParameters == null ? Map.of() : JsonColumn.read(pipelineParameters, PARAMETERS);
    }
    String getRollbackPipeline() { return rollbackPipeline; }
    Set<String> getTargetCis() { return targetCis == null ? Set.of() : JsonColumn.read(targetCis, CIS); }
    TemplateStatus getStatus() { return status; }
    boolean isApproved() { return status == TemplateStatus.APPROVED; }
    String getCreatedBy() { return createdBy; }
    String getApprovedBy() { return approvedBy; }
    Instant getApprovedAt() { return approvedAt; }
    Instant getCreatedAt() { return createdAt; }
}
