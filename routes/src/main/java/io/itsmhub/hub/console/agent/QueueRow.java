package io.itsmhub.hub.console.agent;

import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.core.request.RequestView;
import io.itsmhub.core.common.Priority;
import io.itsmhub.hub.console.StatusBadges;
import java.time.Duration;
import java.time.Instant;

/** One open ticket in a queue, incident or service request alike. */
record QueueRow(Kind kind, String number, String title, Priority priority, String status, String group,
                String assignee, Instant resolutionDue, boolean slaBreached, Instant createdAt) {

    enum Kind { INCIDENT, REQUEST }

    static QueueRow of(IncidentView i) {
        return new QueueRow(Kind.INCIDENT, i.number(), i.title(), i.priority(), i.status().name(), i.assignmentGroup(),
                i.assignee(), i.resolutionDue(), i.slaBreached(), i.createdAt());
    }

    static QueueRow of(RequestView r) {
        return new QueueRow(Kind.REQUEST, r.number(), r.title(), r.priority(), r.status().name(), r.assignmentGroup(),
                r.assignee(), r.resolutionDue(), r.slaBreached(), r.createdAt());
    }

    public String link() {
        return (kind == Kind.INCIDENT ? "/agent/incidents/" : "/agent/requests/") + number;
    }

    /** Until the resolution target; negative once it passed; null without a target. */
    public Duration left(Instant now) {
        return resolutionDue == null ? null : Duration.between(now, resolutionDue);
    }

    public String badge() {
        return StatusBadges.badge(status);
    }
}
