package io.itsmhub.connectors.ansible;

import java.util.List;

/**
 * One host's counts from Ansible's play recap, and its failed tasks.
 *
 * @param failedTasks {@code "task name: message"} per failed or unreachable task result
 */
public record HostResult(String host, int ok, int changed, int failed, int unreachable, int skipped,
        List<String> failedTasks) {

    public HostResult {
        failedTasks = failedTasks == null ? List.of() : List.copyOf(failedTasks);
    }

    /** Whether nothing failed and the host was reachable throughout. */
    public boolean succeeded() {
        return failed == 0 && unreachable == 0;
    }
}
