package io.itsmhub.core.common;

/**
 * A well-formed request that a business rule refuses at this moment (a change freeze, a deployment window that
 * is closed); answered as 409 with the rule's own words, so that the user knows when to try again.
 */
public class ConflictException extends RuntimeException {

    private final String title;

    public ConflictException(String title, String detail) {
        super(detail);
        this.title = title;
    }

    public String title() { return title; }
}
