package io.itsmhub.core.incident;

import io.itsmhub.core.outbox.EventName;
import io.itsmhub.core.common.Priority;

/** What the incident feature tells the rest of the hub (through the outbox). Stored under each record's @EventName. */
public final class IncidentEvents {
    private IncidentEvents() { }

    @EventName("IncidentCreated")
    public record IncidentCreated(String number, Priority priority, String source, String sourceRef, String affectedCi,
                                  String assignmentGroup, String assignee) { }

    @EventName("IncidentUpdated")
    public record IncidentUpdated(String number, Priority priority) { }

    @EventName("IncidentAssigned")
    public record IncidentAssigned(String number, String assignmentGroup, String assignee) { }

    /** A status transition other than resolve, e.g. start, hold, reopen, close, cancel. */
    @EventName("IncidentTransitioned")
    public record IncidentTransitioned(String number, String action, IncidentStatus from, IncidentStatus to,
                                       String actor) { }

    /** An SLA target was missed (once per incident). */
    @EventName("IncidentSlaBreached")
    public record IncidentSlaBreached(String number, Priority priority, String assignmentGroup, String assignee,
                                      String target) { }

    /** Resolution gets its own event: routes close the alert at its source on it. */
    @EventName("IncidentResolved")
    public record IncidentResolved(String number, String resolutionCode, String resolutionNote, String source,
                                   String sourceRef, String actor) { }
}
