package io.itsmhub.core.alert;

import java.time.Instant;
import java.util.Map;

/** An alert as the API shows it, with the incident it feeds and the silence set for it. */
public record AlertView(String identity, String fingerprint, String alertName, Map<String, String> labels,
                        Map<String, String> annotations, MonitoredAlert.Status status, String incident,
                        String previousIncident, int occurrences, Instant firstSeen, Instant lastSeen,
                        Instant startsAt, Instant endsAt, String generatorUrl, String externalUrl, String silenceId,
                        boolean ciUnknown, boolean flapping) {

    static AlertView of(MonitoredAlert a) {
        return new AlertView(a.getIdentity(), a.getFingerprint(), a.getAlertName(), a.getLabels(), a.getAnnotations(),
                a.getStatus(), a.getIncidentNumber(), a.getPreviousIncident(), a.getOccurrences(), a.getFirstSeen(),
                a.getLastSeen(), a.getStartsAt(), a.getEndsAt(), a.getGeneratorUrl(), a.getExternalUrl(),
                a.getSilenceId(), a.isCiUnknown(), a.isFlapping());
    }
}
