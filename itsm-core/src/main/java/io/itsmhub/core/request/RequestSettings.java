package io.itsmhub.core.request;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rules of ordering from the catalog that an operator sets rather than a catalog editor.
 *
 * @param grantableGroups catalog item code → directory groups an access order of that item may name, in addition to
 *                        the groups the item itself lists; e.g. {@code hub.requests.grantable-groups.access-request:
 *                        finance-share,wiki-editors}. Default: none (only the item's own list)
 */
@ConfigurationProperties("hub.requests")
public record RequestSettings(Map<String, List<String>> grantableGroups) {

    public RequestSettings {
        grantableGroups = grantableGroups == null ? Map.of() : grantableGroups.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }
}
