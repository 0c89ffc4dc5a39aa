package io.itsmhub.core.common;

/**
 * An action the caller's role or relation to the ticket does not permit (e.g. approving one's own request); 403.
 * {@code rule}, when given, names the control that refused it (answered as the problem's {@code rule}), so that a
 * client or an auditor can tell a segregation-of-duties refusal from a missing role.
 */
public class ForbiddenActionException extends RuntimeException {

    private final String rule;

    public ForbiddenActionException(String message) {
        this(null, message);
    }

    public ForbiddenActionException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() { return rule; }
}
