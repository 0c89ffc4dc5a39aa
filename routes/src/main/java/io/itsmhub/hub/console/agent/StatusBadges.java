package io.itsmhub.hub.console.agent;

import org.springframework.stereotype.Component;

/**
 * The badge colour of a ticket status ({@code ${@agentBadges.of(status)}}), the same for incidents and requests:
 * waiting, running, held, done.
 */
@Component("agentBadges")
public class StatusBadges {

    public String of(String status) {
        return badge(status);
    }

    static String badge(String status) {
        return switch (status == null ? "" : status) {
            case "NEW", "SUBMITTED", "AWAITING_APPROVAL" -> "warn";
            case "IN_PROGRESS", "APPROVED", "IN_FULFILMENT", "RUNNING", "COMPENSATING" -> "run";
            case "ON_HOLD", "HELD" -> "bad";
            case "RESOLVED", "CLOSED", "FULFILLED", "DONE" -> "ok";
            default -> "";
        };
    }
}
