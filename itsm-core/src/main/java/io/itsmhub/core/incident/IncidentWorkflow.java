package io.itsmhub.core.incident;

import static io.itsmhub.core.incident.IncidentStatus.CANCELLED;
import static io.itsmhub.core.incident.IncidentStatus.CLOSED;
import static io.itsmhub.core.incident.IncidentStatus.IN_PROGRESS;
import static io.itsmhub.core.incident.IncidentStatus.NEW;
import static io.itsmhub.core.incident.IncidentStatus.ON_HOLD;
import static io.itsmhub.core.incident.IncidentStatus.RESOLVED;

import io.itsmhub.core.ticket.Workflow;

/** New → In Progress ⇄ On Hold → Resolved → Closed; Cancelled from any open state; Resolved can be reopened. */
final class IncidentWorkflow {
    private IncidentWorkflow() { }

    static final String START = "start";
    static final String HOLD = "hold";
    static final String RESOLVE = "resolve";
    static final String REOPEN = "reopen";
    static final String CLOSE = "close";
    static final String CANCEL = "cancel";

    static final Workflow<IncidentStatus> WORKFLOW = Workflow.of("incident", IncidentStatus.class)
            .transition(START, IN_PROGRESS, NEW, ON_HOLD)
            .transition(HOLD, ON_HOLD, NEW, IN_PROGRESS)
            .transition(RESOLVE, RESOLVED, NEW, IN_PROGRESS, ON_HOLD)
            .transition(REOPEN, IN_PROGRESS, RESOLVED)
            .transition(CLOSE, CLOSED, RESOLVED)
            .transition(CANCEL, CANCELLED, NEW, IN_PROGRESS, ON_HOLD)
            .build();
}
