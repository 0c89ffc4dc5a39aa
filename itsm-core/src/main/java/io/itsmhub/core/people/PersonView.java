package io.itsmhub.core.people;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A user as the API shows it: never the password hash. */
public record PersonView(String username, String displayName, String email, String phone, String manager,
                         boolean active, String source, Set<String> roles, Set<String> groups) {

    static PersonView of(Person p) {
        return new PersonView(p.getUsername(), p.getDisplayName(), p.getEmail(), p.getPhone(), p.getManager(),
                p.isActive(), p.getSource(), p.getRoles().stream().map(Role::id).collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(p.getGroups()));
    }
}
