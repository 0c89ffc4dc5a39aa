package io.itsmhub.connectors.ansible;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs the hub's Ansible playbooks. The one seam the routes use, so that they can be tested without Ansible. */
public interface PlaybookRunner {

    /**
     * Runs one allowed playbook against the hosts with the variables; blocks until done or timed out.
     *
     * @param playbook  a name from the allow-list, e.g. {@code nginx.yml}
     * @param hosts     host names or IP literals; the playbook runs on all of them
     * @param variables extra variables (names are identifiers, values strings, numbers, booleans, lists, maps);
     *                  every string reaches Ansible as data, never as a template
     * @param progress  gets {@code "<tasksDone>/<tasksTotal> <host> <status>: <task name>"} as tasks finish (the
     *                  total is an estimate: handlers and dynamic includes are not known in advance); called
     *                  from another thread; may be null
     * @return the result; {@code ok} is false when tasks failed on some host, which the caller decides about
     * @throws io.itsmhub.connectors.ConnectorException retryable on timeout or unreachable hosts, permanent on a
     *                  refused playbook, host or variable, a missing {@code ansible-playbook} or an Ansible error
     */
    PlaybookResult run(String playbook, List<String> hosts, Map<String, Object> variables, Consumer<String> progress);
}
