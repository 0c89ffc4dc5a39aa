package io.itsmhub.core.hr;

import java.time.Duration;
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
 * @param duplicateWindow how long a record without {@code recordId} that is identical to one applied counts as a
 *                     retry of it (and is not applied again); a record with a {@code recordId} is applied once, ever
 */
@ConfigurationProperties("hub.hr")
public record HrSettings(Map<String, List<String>> roleAccess, @DefaultValue("access-request") String accessItem,
                         @DefaultValue("access-revoke") String revokeItem,
                         @DefaultValue("P7D") Duration duplicateWindow) {

    private static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofDays(7);

    public HrSettings {
        duplicateWindow = duplicateWindow == null ? DEFAULT_DUPLICATE_WINDOW : duplicateWindow;
        roleAccess = roleAccess == null ? Map.of() : Map.copyOf(roleAccess);
        accessItem = accessItem == null ? "access-request" : accessItem;
        revokeItem = revokeItem == null ? "access-revoke" : revokeItem;
    }

    List<String> accessFor(String jobRole) {
        return jobRole == null ? List.of() : roleAccess.getOrDefault(jobRole, List.of());
    }
}
