package io.itsmhub.hub.console;

import org.springframework.stereotype.Component;

/**
 * The badge colour of a ticket or fulfilment status ({@code ${@statusBadges.of(status)}}), one mapping for every
 * console page: waiting, running, held or refused, done.
 */
@Component("statusBadges")
public class StatusBadges {

    public String of(String status) {
        return badge(status);
    }

    public static String badge(String status) {
        return switch (status == null ? "" : status) {
            case "NEW", "SUBMITTED", "AWAITING_APPROVAL" -> "warn";
            case "IN_PROGRESS", "APPROVED", "IN_FULFILMENT", "RUNNING", "COMPENSATING", "IMPLEMENTING" -> "run";
            case "ON_HOLD", "HELD", "REJECTED" -> "bad";
            case "RESOLVED", "CLOSED", "FULFILLED", "DONE" -> "ok";
            default -> "";
        };
    }
}
