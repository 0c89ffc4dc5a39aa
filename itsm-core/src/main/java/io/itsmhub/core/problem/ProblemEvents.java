package io.itsmhub.core.problem;

/** What the problem feature tells the rest of the hub (through the outbox). */
public final class ProblemEvents {
    private ProblemEvents() { }

    public record ProblemCreated(String number, String assignmentGroup) { }

    public record ProblemIncidentLinked(String number, String incident) { }

    public record KnownErrorRecorded(String number, String workaround) { }

    public record ProblemTransitioned(String number, String action, ProblemStatus from, ProblemStatus to, String actor) { }
}
