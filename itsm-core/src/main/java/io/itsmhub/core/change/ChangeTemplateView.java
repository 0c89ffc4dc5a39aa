package io.itsmhub.core.change;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

public record ChangeTemplateView(String name, String title, String description, Risk risk, String pipeline,
                                 Map<String, Object> parameters, String rollbackPipeline, Set<String> targetCis,
                                 TemplateStatus status, String createdBy, Instant createdAt,
                                 String approvedBy, Instant approvedAt) {

    static ChangeTemplateView of(ChangeTemplate t) {
        return new ChangeTemplateView(t.getName(), t.getTitle(), t.getDescription(), t.getRisk(), t.getPipeline(),
                t.getParameters(), t.getRollbackPipeline(), t.getTargetCis(), t.getStatus(), t.getCreatedBy(), t.getCreatedAt(), t.getApprovedBy(),
                t.getApprovedAt());
    }
}
