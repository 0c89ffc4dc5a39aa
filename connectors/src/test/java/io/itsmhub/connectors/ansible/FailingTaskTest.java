package io.itsmhub.connectors.ansible;

import static io.itsmhub.connectors.ansible.AnsibleTestSupport.LOCALHOST;
import static io.itsmhub.connectors.ansible.AnsibleTestSupport.scratchVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.itsmhub.connectors.ConnectorException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures that Ansible reports (real ansible-playbook): a result with ok=false, or unreachable hosts. */
class FailingTaskTest {

    @TempDir
    Path root;

    @BeforeAll
    static void ansibleIsInstalled() {
        assumeTrue(AnsibleTestSupport.installed(), "ansible-playbook is not installed");
    }

    @Test
    void aFailedAssertIsAResultWithTheTaskAndItsMessage() {
        PlaybookResult result = new ProcessPlaybookRunner(AnsibleTestSupport.repositorySettings())
                .run("nginx.yml", LOCALHOST, scratchVariables(root, Map.of("nginx_listen_port", 70000)), null);

        assertThat(result.ok()).isFalse();
        HostResult host = result.hosts().get("localhost");
        assertThat(host.failed()).isEqualTo(1);
        assertThat(host.succeeded()).isFalse();
        assertThat(host.failedTasks()).containsExactly(
                "nginx : Check the listen port: nginx_listen_port must be a port number from 1 to 65535, was 70000");
        assertThat(result.failureSummary()).isEqualTo("localhost: " + host.failedTasks().get(0));
        assertThat(root.resolve("etc/nginx")).doesNotExist();
    }

    @Test
    void aRequiredVariableMissingFailsTheBaseline() {
        PlaybookResult result = new ProcessPlaybookRunner(AnsibleTestSupport.repositorySettings())
                .run("baseline.yml", LOCALHOST, scratchVariables(root, Map.of()), null);

        assertThat(result.ok()).isFalse();
        assertThat(result.failureSummary()).isEqualTo("localhost: baseline : Check that the request is named: "
                + "request_id is required: the motd names the request the host was set up for");
    }

    @Test
    void aPathOutsideTargetRootStopsTheRoleBeforeItWritesAnything() {
        Path elsewhere = root.resolveSibling(root.getFileName() + "-elsewhere.conf");
        PlaybookResult result = new ProcessPlaybookRunner(AnsibleTestSupport.repositorySettings()).run("redis.yml",
                LOCALHOST, scratchVariables(root, Map.of("redis_dropin_file", elsewhere.toString())), null);

        assertThat(result.ok()).isFalse();
        assertThat(result.hosts().get("localhost").failedTasks()).singleElement().asString()
                .startsWith("redis : Check that target_root is absolute and every path is under it: ");
        assertThat(elsewhere).doesNotExist();
    }

    @Test
    void aDotDotInAPathStopsTheRoleToo() {
        PlaybookResult result = new ProcessPlaybookRunner(AnsibleTestSupport.repositorySettings()).run("redis.yml",
                LOCALHOST, scratchVariables(root, Map.of("redis_dropin_path", "/../../itsm-hub-escape.conf")), null);

        assertThat(result.ok()).isFalse();
        assertThat(root.resolveSibling("itsm-hub-escape.conf")).doesNotExist();
        assertThat(root.getParent().resolveSibling("itsm-hub-escape.conf")).doesNotExist();
    }

    @Test
    void aFailingCommandGivesItsStderr(@TempDir Path playbooks) {
        AnsibleTestSupport.playbookDir(playbooks, Map.of("fail.yml", """
                ---
                # A command that fails.
                - name: Fail
                  hosts: all
                  gather_facts: false
                  tasks:
                    - name: List a file that is not there
                      ansible.builtin.command:
                        argv: [ls, /nonexistent-itsm-hub-file]
                """));
        PlaybookResult result = new ProcessPlaybookRunner(AnsibleSettings.local(playbooks)
                .withAllowedPlaybooks(List.of("fail.yml"))).run("fail.yml", LOCALHOST, Map.of(), null);

        assertThat(result.ok()).isFalse();
        assertThat(result.hosts().get("localhost").failedTasks()).singleElement().asString()
                .startsWith("List a file that is not there: non-zero return code (ls: cannot access")
                .contains("/nonexistent-itsm-hub-file");
    }

    @Test
    void anUnreachableHostIsRetryable() {
        // Not local: SSH to a name that cannot resolve (RFC 2606 .invalid) fails at once.
        AnsibleSettings ssh = new AnsibleSettings(AnsibleTestSupport.repositoryPlaybooks(), null, null, null, null,
                null, false);

        assertThatThrownBy(() -> new ProcessPlaybookRunner(ssh).run("redis.yml", List.of("nohost.invalid"),
                scratchVariables(root, Map.of()), null))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("hosts unreachable running redis.yml: nohost.invalid: redis : Create the configuration "
                        + "directories: item " + root + "/etc/redis: Failed to connect to the host via ssh");
    }
}
