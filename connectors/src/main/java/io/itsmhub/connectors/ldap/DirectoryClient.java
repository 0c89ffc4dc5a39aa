package io.itsmhub.connectors.ldap;

import java.util.List;
import java.util.Optional;

/**
 * What the hub needs from the directory, and no more: logins, the people and groups to sync, and the few
 * changes an access request or an offboarding makes. Users are found by username under the user base with the
 * user filter, groups by name under the group base with the group filter. Every method throws
 * {@link io.itsmhub.connectors.ConnectorException} (system {@code "ldap"}) on failure: retryable when the directory
 * cannot be reached or does not answer in time, permanent otherwise (refused service account, missing rights,
 * unknown user or group, a username that matches several entries); messages name the operation and the user or
 * group and never carry a password.
 */
public interface DirectoryClient {

    /**
     * Finds the user by username (filter built with the username escaped per RFC 4515: Filter.createEqualityFilter /
     * Filter.encodeValue, never string concatenation of raw input) under userBase AND userFilter, then binds as that
     * DN with the password on a fresh connection (not the pooled service connection). Empty when the user is unknown,
     * the password is wrong, the password is empty (an empty password is an anonymous bind in LDAP: refuse it before
     * the server sees it), the username is ambiguous (more than one entry), or the account is disabled. Throws a
     * retryable ConnectorException when the directory cannot be reached.
     */
    Optional<DirectoryUser> authenticate(String username, String password);

    /**
     * The user with that username, disabled or not, with groups and manager resolved; empty when unknown. A
     * username that matches several entries is a permanent failure, since picking one would be a guess.
     */
    Optional<DirectoryUser> user(String username);

    /**
     * Every user under userBase matching userFilter, with their groups and manager resolved to usernames. Paged
     * (SimplePagedResults control, page 500) when the server supports it, so 10,000 users work.
     */
    List<DirectoryUser> users();

    /** Every group under groupBase matching groupFilter, with member usernames. */
    List<DirectoryGroup> groups();

    /** Adds the user's DN to the group's member attribute; already a member is no error. */
    void addToGroup(String username, String group);

    /** Removes the user's DN from the group's member attribute; not a member is no error. */
    void removeFromGroup(String username, String group);

    /**
     * Admin reset: replaces the user's userPassword. The caller generates and delivers the password; it is never
     * logged. Empty is refused ({@link IllegalArgumentException}), as it would make the account unusable.
     */
    void setPassword(String username, String newPassword);

    /** Sets the disable attribute to the disable value, after which {@link #authenticate} refuses the user. */
    void disable(String username);
}
