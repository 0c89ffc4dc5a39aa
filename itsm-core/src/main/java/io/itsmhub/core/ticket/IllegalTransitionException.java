package io.itsmhub.core.ticket;

import java.util.List;

/** An action that the ticket's current state does not allow; answered as 409 with the allowed actions. */
public class IllegalTransitionException extends RuntimeException {

    private final String number;
    private final String action;
    private final String currentStatus;
    private final List<String> allowedActions;

    public IllegalTransitionException(String number, String ticketType, String action, String currentStatus,
                                      List<String> allowedActions) {
        super("%s %s is %s: '%s' is not allowed (allowed: %s)".formatted(
                ticketType, number, currentStatus, action, allowedActions.isEmpty() ? "none" : String.join(", ", allowedActions)));
        this.number = number;
        this.action = action;
        this.currentStatus = currentStatus;
        this.allowedActions = List.copyOf(allowedActions);
    }

    public String number() { return number; }
    public String action() { return action; }
    public String currentStatus() { return currentStatus; }
    public List<String> allowedActions() { return allowedActions; }
}
