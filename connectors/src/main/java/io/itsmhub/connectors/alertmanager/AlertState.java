package io.itsmhub.connectors.alertmanager;

import java.util.List;
import java.util.Map;

/**
 * One alert as Alertmanager sees it now.
 *
 * @param fingerprint Alertmanager's stable id of the label set
 * @param labels      the alert's labels
 * @param state       {@code active}, {@code suppressed} (silenced or inhibited) or {@code unprocessed}
 * @param silencedBy  ids of the silences that mute it now (empty when none)
 */
public record AlertState(String fingerprint, Map<String, String> labels, String state, List<String> silencedBy) {

    public static final String ACTIVE = "active";
    public static final String SUPPRESSED = "suppressed";
    public static final String UNPROCESSED = "unprocessed";

    public AlertState {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        silencedBy = silencedBy == null ? List.of() : List.copyOf(silencedBy);
    }

    public boolean isSuppressed() {
        return SUPPRESSED.equals(state);
    }

    public boolean isActive() {
        return ACTIVE.equals(state);
    }
}
