package io.itsmhub.core.problem;

import io.itsmhub.core.outbox.EventName;
/** What the problem feature tells the rest of the hub (through the outbox). */
public final class ProblemEvents {
    private ProblemEvents() { }

    @EventName("ProblemCreated")
    public record ProblemCreated(String number, String assignmentGroup) { }

    @EventName("ProblemIncidentLinked")
    public record ProblemIncidentLinked(String number, String incident) { }

    @EventName("KnownErrorRecorded")
    public record KnownErrorRecorded(String number, String workaround) { }

    @EventName("ProblemTransitioned")
    public record ProblemTransitioned(String number, String action, ProblemStatus from, ProblemStatus to, String actor) { }
}
