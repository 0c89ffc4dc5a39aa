package io.itsmhub.core.problem;

import static io.itsmhub.core.problem.ProblemStatus.CANCELLED;
import static io.itsmhub.core.problem.ProblemStatus.CLOSED;
import static io.itsmhub.core.problem.ProblemStatus.INVESTIGATING;
import static io.itsmhub.core.problem.ProblemStatus.NEW;
import static io.itsmhub.core.problem.ProblemStatus.RESOLVED;

import io.itsmhub.core.ticket.Workflow;

/** New → Investigating → Resolved → Closed; Cancelled before resolution; Resolved can be reopened. */
final class ProblemWorkflow {
    private ProblemWorkflow() { }

    static final String INVESTIGATE = "investigate";
    static final String RESOLVE = "resolve";
    static final String REOPEN = "reopen";
    static final String CLOSE = "close";
    static final String CANCEL = "cancel";

    static final Workflow<ProblemStatus> WORKFLOW = Workflow.of("problem", ProblemStatus.class)
            .transition(INVESTIGATE, INVESTIGATING, NEW)
            .transition(RESOLVE, RESOLVED, INVESTIGATING)
            .transition(REOPEN, INVESTIGATING, RESOLVED)
            .transition(CLOSE, CLOSED, RESOLVED)
            .transition(CANCEL, CANCELLED, NEW, INVESTIGATING)
            .build();
}
