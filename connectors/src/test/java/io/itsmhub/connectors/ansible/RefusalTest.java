package io.itsmhub.connectors.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsmhub.connectors.ConnectorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Refusals happen before any process starts. The executable is a script that leaves a marker file when it
 * is started, so "nothing ran" is a fact to assert, not a timing. Needs no Ansible.
 */
class RefusalTest {

    private static final String PLAY = "---\n# A play.\n- name: Play\n  hosts: all\n  tasks: []\n";

    private Path marker;
    private Path playbooks;
    private Path outside;
    private ProcessPlaybookRunner runner;

    @BeforeEach
    void fakeAnsible(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        marker = dir.resolve("started");
        Path fake = AnsibleTestSupport.script(dir, "ansible-playbook", "touch '" + marker + "'\nexit 0");
        outside = AnsibleTestSupport.playbookDir(dir.resolve("outside"), Map.of("evil.yml", PLAY));
        playbooks = AnsibleTestSupport.playbookDir(dir.resolve("playbooks"), Map.of("baseline.yml", PLAY));
        Files.createSymbolicLink(playbooks.resolve("escape.yml"), outside.resolve("evil.yml"));
        Files.createSymbolicLink(playbooks.resolve("linked"), outside);
        runner = new ProcessPlaybookRunner(new AnsibleSettings(playbooks, fake.toString(),
                List.of("baseline.yml", "escape.yml", "linked/evil.yml", "missing.yml"), null, null, null, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"site.yml", "../etc/passwd", "/etc/passwd", "playbooks/../baseline.yml", "./baseline.yml",
            "baseline.yml ", "BASELINE.YML"})
    void refusesAPlaybookOutsideTheAllowList(String playbook) {
        assertRefused(() -> runner.run(playbook, List.of("localhost"), Map.of(), null),
                "is not in hub.ansible.allowed-playbooks");
    }

    @Test
    void refusesTheAbsolutePathOfAnAllowedPlaybook() {
        assertRefused(() -> runner.run(playbooks.resolve("baseline.yml").toString(), List.of("localhost"), Map.of(), null),
                "is not in hub.ansible.allowed-playbooks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"escape.yml", "linked/evil.yml"})
    void refusesAnAllowedNameWhoseSymlinkLeavesTheDirectory(String playbook) {
        assertRefused(() -> runner.run(playbook, List.of("localhost"), Map.of(), null), "is not a file inside");
    }

    @Test
    void refusesAnAllowedPlaybookThatIsNotThere() {
        assertRefused(() -> runner.run("missing.yml", List.of("localhost"), Map.of(), null), "does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost -e foo", "-i/etc/passwd", "--extra-vars=@/etc/shadow", "all", "web[1:9]", ""})
    void refusesABadHost(String host) {
        assertRefused(() -> runner.run("baseline.yml", List.of("localhost", host), Map.of(), null),
                "is not a host name or IP address");
    }

    @Test
    void refusesAnsiblesOwnVariables() {
        assertRefused(() -> runner.run("baseline.yml", List.of("localhost"),
                Map.of("ansible_ssh_common_args", "-o ProxyCommand='touch /tmp/x'"), null),
                "variable 'ansible_ssh_common_args' is one of Ansible's own variables");
    }

    @Test
    void startsTheExecutableOnceEverythingIsValid() {
        // The control experiment: the same runner does start a process for a valid request. The fake prints
        // no JSON, which is an error of its own.
        assertThatThrownBy(() -> runner.run("baseline.yml", List.of("localhost"), Map.of("x", 1), null))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("printed no JSON result");
        assertThat(marker).exists();
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.system()).isEqualTo("ansible");
                })
                .hasMessageContaining(message);
        assertThat(marker).as("ansible-playbook must not have been started").doesNotExist();
    }
}
