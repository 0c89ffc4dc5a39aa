package io.itsmhub.core.hr;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the HR feed raises.
 *
 * @param roleAccess   job role → directory groups a joiner (or mover into the role) needs, e.g. {@code dba: [payments-db-readers]}
 * @param accessItem   catalog item of an access request (fields {@code group}, {@code justification})
 * @param revokeItem   catalog item of a leaver's revocation (fields {@code user}, {@code justification})
 */
@ConfigurationProperties("hub.hr")
public record HrSettings(Map<String, List<String>> roleAccess, @DefaultValue("access-request") String accessItem,
                         @DefaultValue("access-revoke") String revokeItem) {

    public HrSettings {
        roleAccess = roleAccess == null ? Map.of() : Map.copyOf(roleAccess);
        accessItem = accessItem == null ? "access-request" : accessItem;
        revokeItem = revokeItem == null ? "access-revoke" : revokeItem;
    }

    List<String> accessFor(String jobRole) {
        return jobRole == null ? List.of() : roleAccess.getOrDefault(jobRole, List.of());
    }
}
