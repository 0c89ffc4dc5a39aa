package io.itsmhub.core.alert;

import io.itsmhub.core.outbox.EventName;
import java.util.Map;

/** What the alert feature tells the rest of the hub (through the outbox). */
public final class AlertEvents {
    private AlertEvents() { }

    /** Published once when an incident starts flapping, so that its assignee can be told. */
    @EventName("IncidentFlapping")
    public record IncidentFlapping(String number, String assignee, String assignmentGroup, int changes) { }

    /** A silence was set at the source for a person's resolution. */
    @EventName("AlertSilenced")
    public record AlertSilenced(String number, String silenceId, Map<String, String> matchers) { }
}
