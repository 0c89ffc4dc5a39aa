package io.itsmhub.core.people;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which hub roles directory users get. The LDAP connector binds its own keys under the same prefix.
 *
 * @param groupRoles   directory group → hub role id, e.g. {@code itsm-agents: agent}
 * @param defaultRoles roles every directory user has; default requester
 */
@ConfigurationProperties("hub.ldap")
public record DirectorySettings(Map<String, String> groupRoles, List<String> defaultRoles) {

    public DirectorySettings {
        groupRoles = groupRoles == null ? Map.of() : Map.copyOf(groupRoles);
        defaultRoles = defaultRoles == null || defaultRoles.isEmpty() ? List.of("requester") : List.copyOf(defaultRoles);
        groupRoles.values().forEach(Role::fromId); // an unknown role id fails the start, naming it
        defaultRoles.forEach(Role::fromId);
    }

    Set<Role> rolesFor(Set<String> groups) {
        Set<Role> roles = defaultRoles.stream().map(Role::fromId).collect(Collectors.toSet());
        groups.stream().map(groupRoles::get).filter(java.util.Objects::nonNull).map(Role::fromId).forEach(roles::add);
        return roles;
    }
}
