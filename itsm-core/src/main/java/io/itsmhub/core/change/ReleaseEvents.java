package io.itsmhub.core.change;

import io.itsmhub.core.outbox.EventName;
/** What release runs tell the rest of the hub (through the outbox). */
public final class ReleaseEvents {
    private ReleaseEvents() { }

    /** A run waits to be handed to Jenkins: the release route triggers it. */
    @EventName("ReleaseRequested")
    public record ReleaseRequested(String number, long runId, RunKind kind, String pipeline) { }

    @EventName("ReleaseFinished")
    public record ReleaseFinished(String number, RunKind kind, String result, String buildUrl, String incident) { }

    /** An alert-raised incident on a CI the change just deployed to: the change's owner should look. */
    @EventName("ChangeSuspected")
    public record ChangeSuspected(String number, String incident, String ci, String owner) { }
}
