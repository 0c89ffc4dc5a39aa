package io.itsmhub.connectors.alertmanager;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the hub needs from Alertmanager, and no more. Every method throws
 * {@link io.itsmhub.connectors.ConnectorException} (system {@code "alertmanager"}) on failure.
 */
public interface AlertmanagerClient {

    /**
     * Creates a silence whose matchers are {@code name="value"} equalities; {@code POST /api/v2/silences}.
     *
     * @return the new silence's id
     */
    String createSilence(Map<String, String> equalMatchers, Instant startsAt, Instant endsAt, String createdBy,
            String comment);

    /**
     * Expires a silence; {@code DELETE /api/v2/silence/{id}}. Idempotent: an unknown or already expired silence
     * counts as success, because the hub retries at least once.
     */
    void expireSilence(String silenceId);

    /**
     * The silences whose matchers include all of {@code equalFilter}; {@code GET /api/v2/silences?filter=…}. Lets a
     * caller that may have made a silence already (its answer was lost) find it instead of making a second one.
     */
    List<SilenceState> silences(Map<String, String> equalFilter);

    /** The alerts whose labels include all of {@code equalFilter}; {@code GET /api/v2/alerts?filter=…}. */
    List<AlertState> alerts(Map<String, String> equalFilter);

    /**
     * Pushes alerts in, as Prometheus would; {@code POST /api/v2/alerts}. Each map has {@code labels},
     * {@code annotations} and optionally {@code startsAt}, {@code endsAt} ({@code Instant} or RFC 3339 text;
     * an {@code endsAt} of now resolves the alert) and {@code generatorURL}.
     */
    void postAlerts(List<Map<String, Object>> alerts);
}
