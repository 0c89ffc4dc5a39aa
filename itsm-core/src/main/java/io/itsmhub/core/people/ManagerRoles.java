package io.itsmhub.core.people;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Segregation of duties between who authorises changes and who deploys them: change-manager and release-manager
 * are separate roles. An organisation too small to split them says so here, and even then nobody authorises their
 * own change (the change feature's rule, whatever the roles).
 *
 * @param allowCombinedManagerRoles one person may hold both change-manager and release-manager; default false
 */
@ConfigurationProperties("hub.roles")
public record ManagerRoles(boolean allowCombinedManagerRoles) {

    static final Set<Role> SEPARATE = EnumSet.of(Role.CHANGE_MANAGER, Role.RELEASE_MANAGER);

    /** True when {@code roles} holds both manager roles and that is not allowed. */
    boolean conflict(Set<Role> roles) {
        return !allowCombinedManagerRoles && roles.containsAll(SEPARATE);
    }

    /**
     * The roles a directory mapping gives, made to respect the rule: a person who held one of the two keeps that one;
     * anyone else gets neither, until an admin fixes the directory groups (the sync reports it).
     */
    Set<Role> resolve(Set<Role> mapped, Set<Role> before) {
        if (!conflict(mapped)) {
            return mapped;
        }
        Set<Role> kept = new LinkedHashSet<>(mapped);
        kept.removeAll(SEPARATE);
        Set<Role> held = EnumSet.noneOf(Role.class);
        held.addAll(before);
        held.retainAll(SEPARATE);
        if (held.size() == 1) {
            kept.addAll(held);
        }
        return kept;
    }

    static String message() {
        return "change-manager and release-manager are separate duties; one person holds both only with "
                + "hub.roles.allow-combined-manager-roles=true";
    }
}
