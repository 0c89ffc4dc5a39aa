package io.itsmhub.core.request;

import io.itsmhub.core.people.DirectorySettings;
import io.itsmhub.core.request.catalog.CatalogItemView;
import io.itsmhub.core.common.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Which directory groups an access order may name. Deny by default: only the groups its catalog item lists, or
 * {@code hub.requests.grantable-groups} lists for it. A group that gives a hub role ({@code hub.ldap.group-roles},
 * e.g. the admin group) is never granted through the catalog, even when listed: a manager's approval of "access to a
 * share" must never be able to make someone a hub administrator. Group names compare without case, as LDAP does.
 */
@Component
class GrantableGroups {

    static final String FIELD = "group";

    private final RequestSettings settings;
    private final DirectorySettings directory;

    GrantableGroups(RequestSettings settings, DirectorySettings directory) {
        this.settings = settings;
        this.directory = directory;
    }

    /** Refuses, at {@code values.group}, a group this item may not grant. */
    void check(CatalogItemView item, Map<String, Object> values) {
        Object named = values.get(FIELD);
        if (named == null) {
            throw InvalidInputException.of("values." + FIELD, "is required: the directory group to grant");
        }
        String group = String.valueOf(named).trim();
        String role = directory.groupRoles().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(group)).map(Map.Entry::getValue).findFirst().orElse(null);
        if (role != null) {
            throw InvalidInputException.of("values." + FIELD, "'%s' gives the hub role %s and is never granted through the catalog"
                    .formatted(group, role));
        }
        Set<String> allowed = allowed(item);
        if (allowed.stream().noneMatch(g -> g.equalsIgnoreCase(group))) {
            throw InvalidInputException.of("values." + FIELD, allowed.isEmpty()
                    ? "'%s' is not grantable: %s lists no grantable groups".formatted(group, item.code())
                    : "'%s' is not grantable through %s (grantable: %s)".formatted(group, item.code(), String.join(", ", allowed)));
        }
    }

    private Set<String> allowed(CatalogItemView item) {
        Set<String> allowed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        allowed.addAll(item.grantableGroups());
        allowed.addAll(settings.grantableGroups().getOrDefault(item.code(), List.of()));
        return allowed;
    }
}
