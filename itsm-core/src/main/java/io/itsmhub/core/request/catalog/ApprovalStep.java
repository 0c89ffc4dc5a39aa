package io.itsmhub.core.request.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a catalog item's approval chain. MANAGER: the requester's manager (from the directory). GROUP: any
 * member of {@code group}, optionally only when form field {@code field} equals {@code equals} (security for prod).
 * RULE: any member of {@code group} when the request's cost is above {@code costAbove} (finance). OA: the requester's
 * manager, through the OA system. CONFIRMATION: the person the request is for confirms it themselves
 * ({@code POST /api/v1/requests/{n}/confirm}), or their manager approves it instead; a password reset ordered for
 * someone else always starts with this step.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApprovalStep(@NotNull Kind kind, String label, String group, String field, String equals, BigDecimal costAbove) {

    public enum Kind { MANAGER, GROUP, RULE, OA, CONFIRMATION }

    public ApprovalStep {
        if ((kind == Kind.GROUP || kind == Kind.RULE) && (group == null || group.isBlank())) {
            throw new IllegalArgumentException(kind + " approval steps name a group");
        }
        if (kind == Kind.RULE && costAbove == null) {
            throw new IllegalArgumentException("RULE approval steps give costAbove");
        }
    }

    public static ApprovalStep manager() {
        return new ApprovalStep(Kind.MANAGER, "manager", null, null, null, null);
    }

    public static ApprovalStep confirmation() {
        return new ApprovalStep(Kind.CONFIRMATION, "confirmation", null, null, null, null);
    }

    public static ApprovalStep group(String group, String field, String equals) {
        return new ApprovalStep(Kind.GROUP, group, group, field, equals, null);
    }

    public static ApprovalStep costAbove(String group, BigDecimal threshold) {
        return new ApprovalStep(Kind.RULE, group + " (cost over " + threshold.toPlainString() + ")", group, null, null, threshold);
    }

    /** Whether the step applies to a request with these form values and this cost. */
    public boolean appliesTo(Map<String, Object> values, BigDecimal cost) {
        return switch (kind) {
            case MANAGER, OA, CONFIRMATION -> true;
            case GROUP -> field == null || Objects.equals(String.valueOf(values.get(field)), equals);
            case RULE -> cost != null && cost.compareTo(costAbove) > 0;
        };
    }

    public String title() {
        return label != null ? label : kind == Kind.MANAGER || kind == Kind.OA ? "manager"
                : kind == Kind.CONFIRMATION ? "confirmation" : group;
    }
}
