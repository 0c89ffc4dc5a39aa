package io.itsmhub.core.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager's webhook payload (version 4). Unknown fields are ignored: newer Alertmanagers add some.
 * See https://prometheus.io/docs/alerting/latest/configuration/#webhook_config.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertNotification(String version, String groupKey, Integer truncatedAlerts, String status,
                                String receiver, Map<String, String> groupLabels, Map<String, String> commonLabels,
                                Map<String, String> commonAnnotations, String externalURL, List<Alert> alerts) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(String status, Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
                        Instant endsAt, String generatorURL, String fingerprint) {

        public boolean firing() {
            return "firing".equals(status);
        }

        public String label(String name) {
            return labels == null ? null : labels.get(name);
        }
    }
}
