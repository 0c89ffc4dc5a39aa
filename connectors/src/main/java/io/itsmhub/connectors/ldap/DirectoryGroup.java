package io.itsmhub.connectors.ldap;

import java.util.Objects;
import java.util.Set;

/**
 * A group as the directory knows it.
 *
 * @param name    the value of the group name attribute
 * @param dn      the entry's DN
 * @param members usernames of the members that are users (under the user base, matching the user filter); nested
 *                groups and member DNs that point nowhere are left out; sorted, never null
 */
public record DirectoryGroup(String name, String dn, Set<String> members) {

    public DirectoryGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dn, "dn");
        members = DirectoryUser.sorted(members);
    }
}
