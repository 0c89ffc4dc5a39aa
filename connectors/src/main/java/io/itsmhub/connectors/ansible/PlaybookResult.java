package io.itsmhub.connectors.ansible;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one playbook run that Ansible finished.
 *
 * @param playbook       the playbook's name as requested
 * @param ok             whether every task succeeded on every host
 * @param hosts          per host, in Ansible's (alphabetical) order
 * @param duration       wall-clock time of the run
 * @param failureSummary one line per failed task ({@code "host: task: message"}), or null when ok
 */
public record PlaybookResult(String playbook, boolean ok, Map<String, HostResult> hosts, Duration duration,
        String failureSummary) {

    public PlaybookResult {
        hosts = hosts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
    }
}
