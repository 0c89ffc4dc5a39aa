package io.itsmhub.core.change;

import java.util.Map;

/**
 * What a route needs to hand a run to Jenkins. {@code triedBefore} says that an earlier attempt may have reached
 * Jenkins without its answer reaching the hub: look for that build (by {@code ITSM_CHANGE}) before building again.
 */
public record PipelineOrder(long runId, String changeNumber, RunKind kind, String pipeline,
                            Map<String, String> parameters, boolean triedBefore, int attempt) { }
