package io.itsmhub.connectors.ldap;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A user as the directory knows them. Attributes the entry lacks are null; there is no password here.
 *
 * @param username    the username attribute as the directory spells it (a login typed as "ALICE" yields "alice")
 * @param dn          the entry's DN
 * @param displayName the display name attribute, or null
 * @param mail        the first mail address, or null
 * @param mobile      the first mobile number, or null
 * @param manager     the manager's username, or null when there is none or the manager's entry no longer exists
 * @param groups      names of the groups (under the group base) the user is a member of; sorted, never null
 * @param disabled    whether the disable attribute holds the disable value
 */
public record DirectoryUser(String username, String dn, String displayName, String mail, String mobile,
        String manager, Set<String> groups, boolean disabled) {

    public DirectoryUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(dn, "dn");
        groups = sorted(groups);
    }

    static SortedSet<String> sorted(Set<String> names) {
        return names == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }
}
