package io.itsmhub.core.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a PATCH really changes on a change, split by what an authorisation covers. A change manager authorised a
 * risk, a window, a pipeline with its parameters and version, a rollback and a set of targets; a change to any of
 * them is a change the approval did not see. Values sent unchanged do not count, so a form that sends every field
 * back does not cost an authorisation.
 *
 * @param authorised the covered fields whose value changes, by their API names
 */
record ChangeEdit(List<String> authorised) {

    /** The covered fields that come from a standard change's template and never vary per change. */
    static final Set<String> FROM_TEMPLATE = Set.of("risk", "pipeline", "parameters", "rollbackPipeline", "targetCis");

    static ChangeEdit of(Change change, ChangeUpdate update, Map<String, Object> parameters) {
        List<String> fields = new ArrayList<>();
        differs(fields, "risk", update.risk(), change.getRisk());
        differs(fields, "plannedStart", update.plannedStart(), change.getPlannedStart());
        differs(fields, "plannedEnd", update.plannedEnd(), change.getPlannedEnd());
        differs(fields, "pipeline", update.pipeline(), change.getPipeline());
        differs(fields, "parameters", parameters, change.getPipelineParameters());
        differs(fields, "releaseVersion", update.releaseVersion(), change.getReleaseVersion());
        differs(fields, "rollbackPipeline", update.rollbackPipeline(), change.getRollbackPipeline());
        differs(fields, "targetCis", update.targetCis() == null ? null : Set.copyOf(update.targetCis()),
                Set.copyOf(change.getTargetCis()));
        return new ChangeEdit(List.copyOf(fields));
    }

    boolean any() {
        return !authorised.isEmpty();
    }

    boolean window() {
        return authorised.contains("plannedStart") || authorised.contains("plannedEnd");
    }

    List<String> fromTemplate() {
        return authorised.stream().filter(FROM_TEMPLATE::contains).toList();
    }

    private static void differs(List<String> fields, String name, Object wanted, Object current) {
        if (wanted != null && !Objects.equals(wanted, current)) {
            fields.add(name);
        }
    }
}
