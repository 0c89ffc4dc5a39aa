package io.itsmhub.core.change;

import static io.itsmhub.core.change.ChangeStatus.ASSESS;
import static io.itsmhub.core.change.ChangeStatus.AUTHORISED;
import static io.itsmhub.core.change.ChangeStatus.CLOSED;
import static io.itsmhub.core.change.ChangeStatus.IMPLEMENTING;
import static io.itsmhub.core.change.ChangeStatus.NEW;
import static io.itsmhub.core.change.ChangeStatus.REVIEW;
import static io.itsmhub.core.change.ChangeStatus.SCHEDULED;

import io.itsmhub.core.ticket.Workflow;
import java.util.List;

/** New → Assess → Authorised (emergencies: New → Authorised) → Scheduled → Implementing → Review → Closed; cancel closes it before implementation. */
final class ChangeWorkflow {
    private ChangeWorkflow() { }

    static final String ASSESS_ACTION = "assess";
    static final String AUTHORISE = "authorise";
    static final String SCHEDULE = "schedule";
    static final String IMPLEMENT = "implement";
    static final String REVIEW_ACTION = "review";
    static final String CLOSE = "close";
    static final String CANCEL = "cancel";

    static final Workflow<ChangeStatus> WORKFLOW = Workflow.of("change", ChangeStatus.class)
            .transition(ASSESS_ACTION, ASSESS, NEW)
            // From NEW only for emergencies (checked by ChangeService): the expedited single approval.
            .transition(AUTHORISE, AUTHORISED, NEW, ASSESS)
            .transition(SCHEDULE, SCHEDULED, AUTHORISED)
            .transition(IMPLEMENT, IMPLEMENTING, SCHEDULED)
            .transition(REVIEW_ACTION, REVIEW, IMPLEMENTING)
            .transition(CLOSE, CLOSED, REVIEW)
            .transition(CANCEL, CLOSED, NEW, ASSESS, AUTHORISED, SCHEDULED)
            .build();

    /** The workflow's actions for this change: only an emergency may be authorised straight from NEW. */
    static List<String> allowedFor(Change change) {
        List<String> allowed = WORKFLOW.on(change.getDeskCode()).allowedFrom(change.getStatus());
        return change.getStatus() == NEW && change.getType() != ChangeType.EMERGENCY
                ? allowed.stream().filter(a -> !a.equals(AUTHORISE)).toList() : allowed;
    }
}
