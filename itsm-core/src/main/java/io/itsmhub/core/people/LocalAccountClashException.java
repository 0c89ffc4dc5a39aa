package io.itsmhub.core.people;

/** A directory user has the name of a local account of the hub; the directory does not get that account. */
public class LocalAccountClashException extends RuntimeException {

    public LocalAccountClashException(String username) {
        super("'" + username + "' is a local account of the hub, not the directory's");
    }
}
