package io.itsmhub.core.alert;

import io.itsmhub.core.common.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How alerts become incidents ({@code hub.alertmanager.*}; the connector binds its own fields of the same prefix).
 *
 * @param identity             what makes two alerts "the same": FINGERPRINT (one incident per alert), GROUP_KEY
 *                             (one per Alertmanager group) or LABELS (one per value of {@code identityLabels})
 * @param priorityLabel        the label read for the priority, mapped by {@code priorities}; else {@code defaultPriority}
 * @param ciLabels             labels whose value names a CI in the CMDB, tried in order ("host:port" also as "host")
 * @param serviceLabel         the label naming the affected service
 * @param autoResolve          priorities whose incidents resolve by themselves when their alert clears
 * @param reopenWindow         a refiring alert reopens an incident resolved less than this ago, else raises a new one
 * @param flapChanges          more than this many firing/cleared changes …
 * @param flapWindow           … within this window mark the incident flapping: no more automatic resolve/reopen
 * @param silenceDuration      how long the silence set when a person resolves the incident lasts
 */
@ConfigurationProperties("hub.alertmanager")
public record AlertSettings(
        @DefaultValue("FINGERPRINT") Identity identity,
        @DefaultValue("alertname") List<String> identityLabels,
        @DefaultValue("severity") String priorityLabel,
        Map<String, Priority> priorities,
        @DefaultValue("P3") Priority defaultPriority,
        @DefaultValue({"instance", "host", "job"}) List<String> ciLabels,
        @DefaultValue("service") String serviceLabel,
        @DefaultValue({"P1", "P2", "P3", "P4"}) Set<Priority> autoResolve,
        @DefaultValue("PT24H") Duration reopenWindow,
        @DefaultValue("4") int flapChanges,
        @DefaultValue("PT60M") Duration flapWindow,
        @DefaultValue("PT2H") Duration silenceDuration) {

    /** Label value → priority; @DefaultValue cannot express a map, hence the default here. */
    public static final Map<String, Priority> DEFAULT_PRIORITIES =
            Map.of("critical", Priority.P1, "error", Priority.P2, "warning", Priority.P3, "info", Priority.P4);

    public AlertSettings {
        priorities = priorities == null || priorities.isEmpty() ? DEFAULT_PRIORITIES : Map.copyOf(priorities);
    }

    public enum Identity { FINGERPRINT, GROUP_KEY, LABELS }
}
