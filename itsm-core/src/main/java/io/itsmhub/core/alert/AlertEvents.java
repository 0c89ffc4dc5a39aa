package io.itsmhub.core.alert;

import java.util.Map;

/** What the alert feature tells the rest of the hub (through the outbox). */
public final class AlertEvents {
    private AlertEvents() { }

    /** Published once when an incident starts flapping, so that its assignee can be told. */
    public record IncidentFlapping(String number, String assignee, String assignmentGroup, int changes) { }

    /** A silence was set at the source for a person's resolution. */
    public record AlertSilenced(String number, String silenceId, Map<String, String> matchers) { }
}
