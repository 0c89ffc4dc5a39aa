package io.itsmhub.core.journal;

/**
 * Every message key the hub writes to the journal, in one place: {@code JournalKeysTest} checks that each has an
 * English and a Chinese text in {@code journal/messages*.properties}, and that no code names a key by a literal.
 * A key is never renamed or removed once written (old lines keep it); a new wording is a new key. Optional parts of
 * a line are separate keys (with and without a comment, a build number...), so that no words go in an argument.
 */
public final class JournalKeys {

    // frame
    /** A person's own words (comments, work notes, reasons), shown as written in every language. */
    public static final String TEXT = "text";
    /** A status change without a note: {0} is the action, named through action.<name>. */
    public static final String TRANSITION = "transition";
    /** How a status change and its note are joined: {0} the action, {1} the note. */
    public static final String TRANSITION_WITH_NOTE = "transition.with-note";
    /** An external call: system, operation, outcome as the call answered, milliseconds, attempt. */
    public static final String EXTERNAL_CALL = "external-call";
    /** An operation of the hub (a fulfilment step, following a pipeline) failed with an error. */
    public static final String OPERATION_FAILED = "operation.failed";

    // requests and approvals
    public static final String REQUEST_CREATED = "request.created";
    public static final String REQUEST_CREATED_WITH_COST = "request.created.cost";
    public static final String REQUEST_NO_APPROVAL_NEEDED = "request.no-approval-needed";
    public static final String REQUEST_EVERY_APPROVAL_GIVEN = "request.every-approval-given";
    public static final String APPROVAL_NOT_APPLICABLE = "approval.not-applicable";
    public static final String APPROVAL_WAITING = "approval.waiting";
    public static final String APPROVAL_ESCALATED = "approval.escalated";
    public static final String APPROVAL_APPROVED = "approval.approved";
    public static final String APPROVAL_APPROVED_WITH_COMMENT = "approval.approved.comment";
    public static final String APPROVAL_CONFIRMED = "approval.confirmed";
    public static final String APPROVAL_CONFIRMED_WITH_COMMENT = "approval.confirmed.comment";
    public static final String APPROVAL_MANAGER_REROUTED_REQUESTER = "approval.manager-rerouted.requester";
    public static final String APPROVAL_MANAGER_REROUTED_OPENER = "approval.manager-rerouted.opener";
    public static final String APPROVAL_MANAGER_REROUTED_DECIDER = "approval.manager-rerouted.decider";
    public static final String APPROVAL_GROUP_REROUTED = "approval.group-rerouted";
    public static final String SLA_MISSED_RESPONSE = "sla.missed.response";
    public static final String SLA_MISSED_RESOLUTION = "sla.missed.resolution";

    // fulfilment
    public static final String FULFILMENT_NOT_STARTED = "fulfilment.not-started";
    public static final String FULFILMENT_STARTED = "fulfilment.started";
    public static final String FULFILMENT_RESUMING = "fulfilment.resuming";
    public static final String FULFILMENT_STEP_DONE = "fulfilment.step-done";
    public static final String FULFILMENT_STEP_DONE_WITH_SUMMARY = "fulfilment.step-done.summary";
    public static final String FULFILMENT_RETRY = "fulfilment.retry";
    public static final String FULFILMENT_CANCELLED = "fulfilment.cancelled";
    public static final String FULFILMENT_CANCELLED_NO_REASON = "fulfilment.cancelled.no-reason";
    public static final String FULFILMENT_CANCELLED_UNDONE = "fulfilment.cancelled-during.undone";
    public static final String FULFILMENT_CANCELLED_NOTHING_TO_UNDO = "fulfilment.cancelled-during.nothing-to-undo";

    // incidents
    public static final String INCIDENT_CREATED = "incident.created";
    public static final String INCIDENT_CALLER_REPORTED = "incident.caller-reported";
    public static final String INCIDENT_CALLER_REPORTED_IMPACT = "incident.caller-reported.impact";
    public static final String INCIDENT_CALLER_REPORTED_URGENCY = "incident.caller-reported.urgency";
    public static final String INCIDENT_CHANGE_DEPLOYMENT_FAILED = "incident.change.deployment-failed";
    public static final String INCIDENT_CHANGE_ROLLBACK_FAILED = "incident.change.rollback-failed";
    public static final String INCIDENT_CHANGE_SUSPECTED_DURING = "incident.change.suspected-during";
    public static final String INCIDENT_CHANGE_SUSPECTED_AFTER = "incident.change.suspected-after";

    // alerts
    public static final String ALERT_UPDATED = "alert.updated";
    public static final String ALERT_FIRING_AGAIN = "alert.firing-again";
    public static final String ALERT_FIRED_AGAIN_FLAPPING = "alert.fired-again.flapping";
    public static final String ALERT_FIRED_AGAIN_REOPEN = "alert.fired-again.reopen";
    public static final String ALERT_CLEARED = "alert.cleared";
    public static final String ALERT_CLEARED_AT = "alert.cleared.at";
    public static final String ALERT_CLEARED_FLAPPING = "alert.cleared.flapping";
    public static final String ALERT_CLEARED_AT_FLAPPING = "alert.cleared.at.flapping";
    public static final String ALERT_CLEARED_STAYS_OPEN = "alert.cleared.stays-open";
    public static final String ALERT_CLEARED_AT_STAYS_OPEN = "alert.cleared.at.stays-open";
    public static final String ALERT_FLAPPING = "alert.flapping";
    public static final String ALERT_CI_UNKNOWN = "alert.ci-unknown";
    public static final String ALERT_FOLLOWS = "alert.follows";
    public static final String ALERT_FOLLOWED_BY = "alert.followed-by";
    public static final String ALERT_CALL_SKIPPED = "alert.call-skipped";

    // CMDB
    public static final String CI_CREATED = "ci.created";
    public static final String CI_RELATION_ADDED = "ci.relation-added";
    public static final String CI_RELATION_REMOVED = "ci.relation-removed";
    public static final String CI_VERSION_DEPLOYED = "ci.version-deployed";

    // problems
    public static final String PROBLEM_CREATED = "problem.created";
    public static final String PROBLEM_INCIDENT_LINKED = "problem.incident-linked";
    public static final String PROBLEM_LINKED = "problem.linked";

    // changes
    public static final String CHANGE_CREATED = "change.created";
    public static final String CHANGE_CREATED_FROM_TEMPLATE = "change.created.template";
    public static final String CHANGE_OWN_TEMPLATE = "change.own-template";
    public static final String CHANGE_PRE_APPROVED = "change.pre-approved";
    public static final String CHANGE_RESCHEDULE = "change.reschedule";
    public static final String CHANGE_REASSESS = "change.reassess";
    public static final String CHANGE_EMERGENCY_AUTHORISED = "change.emergency-authorised";
    public static final String CHANGE_WINDOW = "change.window";
    public static final String CHANGE_SUSPECTED_DURING = "change.suspected-during";
    public static final String CHANGE_SUSPECTED_AFTER = "change.suspected-after";

    // releases
    public static final String RELEASE_BUILD_ADOPTED = "release.build-adopted";
    public static final String RELEASE_NOT_STARTED = "release.not-started";
    public static final String RELEASE_STUCK = "release.stuck";
    public static final String RELEASE_BUILD_STARTED = "release.build-started";
    public static final String RELEASE_FOLLOWING_FAILED = "release.following-failed";
    public static final String RELEASE_BUILD_NOT_FOUND = "release.build-not-found";
    public static final String RELEASE_ABORT_REQUESTED = "release.abort-requested";
    public static final String RELEASE_QUEUE_ITEM_CANCELLED = "release.queue-item-cancelled";
    public static final String RELEASE_STOP_SENT = "release.stop-sent";
    public static final String RELEASE_DEPLOYMENT_REQUESTED = "release.deployment-requested";
    public static final String RELEASE_DEPLOYMENT_REQUESTED_VERSION = "release.deployment-requested.version";
    public static final String RELEASE_ROLLBACK_REQUESTED = "release.rollback-requested";
    public static final String RELEASE_ROLLBACK_REQUESTED_VERSION = "release.rollback-requested.version";
    public static final String RELEASE_DEPLOYMENT_FINISHED = "release.deployment-finished";
    public static final String RELEASE_DEPLOYMENT_FINISHED_BUILD = "release.deployment-finished.build";
    public static final String RELEASE_DEPLOYMENT_FINISHED_DURATION = "release.deployment-finished.duration";
    public static final String RELEASE_DEPLOYMENT_FINISHED_BUILD_DURATION = "release.deployment-finished.build-duration";
    public static final String RELEASE_ROLLBACK_FINISHED = "release.rollback-finished";
    public static final String RELEASE_ROLLBACK_FINISHED_BUILD = "release.rollback-finished.build";
    public static final String RELEASE_ROLLBACK_FINISHED_DURATION = "release.rollback-finished.duration";
    public static final String RELEASE_ROLLBACK_FINISHED_BUILD_DURATION = "release.rollback-finished.build-duration";
    public static final String RELEASE_ABORTED_BY = "release.aborted-by";
    public static final String RELEASE_ROLLBACK_READY = "release.rollback-ready";
    public static final String RELEASE_VERSION_RECORDED = "release.version-recorded";
    public static final String RELEASE_INCIDENT_FOR_DEPLOYMENT = "release.incident.deployment";
    public static final String RELEASE_INCIDENT_FOR_ROLLBACK = "release.incident.rollback";

    // people, messages, mail, ratings
    public static final String DIRECTORY_SYNC = "directory.sync";
    public static final String HR_LEAVER_RETURNED = "hr.leaver-returned";
    public static final String OTP_SENT_BY_MAIL = "otp.sent.mail";
    public static final String OTP_SENT_BY_SMS = "otp.sent.sms";
    public static final String NOTIFICATION_NOT_SENT = "notification.not-sent";
    public static final String MAIL_ATTACHMENT_KEPT = "mail.attachment-kept";
    public static final String MAIL_ATTACHMENT_TOO_LARGE = "mail.attachment-too-large";
    public static final String RATING = "rating.rated";
    public static final String RATING_WITH_COMMENT = "rating.rated.comment";

    private JournalKeys() { }

    // the ticket kernel
    public static final String TICKET_CREATED = "ticket.created";
    public static final String TICKET_ROUTED = "ticket.routed";
    public static final String TICKET_ESCALATED = "ticket.escalated";
    public static final String TICKET_ESCALATED_NO_DUE = "ticket.escalated.no-due";
    /** How one ticket relates to another as seen from the journal's ticket (the ticket kernel's link kinds both ways). */
    public static final java.util.List<String> LINK_RELATIONS = java.util.List.of("CHILD_OF", "PARENT_OF", "CAUSED_BY",
            "CAUSES", "DUPLICATE_OF", "DUPLICATED_BY", "RELATED");
    /** ticket.linked.RELATION and ticket.unlinked.RELATION, for each of {@link #LINK_RELATIONS}. */
    public static final java.util.List<String> LINK_KEYS = LINK_RELATIONS.stream()
            .flatMap(r -> java.util.stream.Stream.of(linked(r), unlinked(r))).toList();

    public static String linked(String relation) {
        return "ticket.linked." + relation;
    }

    public static String unlinked(String relation) {
        return "ticket.unlinked." + relation;
    }
}
