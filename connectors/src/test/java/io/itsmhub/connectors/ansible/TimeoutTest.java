package io.itsmhub.connectors.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.itsmhub.connectors.ConnectorException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run over its timeout is killed with every process it started (real ansible-playbook). */
class TimeoutTest {

    // An odd duration, so that the test finds its own sleep and nobody else's.
    private static final String SLEEP_SECONDS = "3517";

    @Test
    void killsTheWholeProcessTreeAndIsRetryable(@TempDir Path playbooks) {
        assumeTrue(AnsibleTestSupport.installed(), "ansible-playbook is not installed");
        AnsibleTestSupport.playbookDir(playbooks, Map.of("sleep.yml", """
                ---
                # Sleeps far longer than the test's timeout.
                - name: Sleep
                  hosts: all
                  gather_facts: false
                  tasks:
                    - name: Sleep for an hour
                      ansible.builtin.command:
                        argv: [sleep, "%s"]
                """.formatted(SLEEP_SECONDS)));
        ProcessPlaybookRunner runner = new ProcessPlaybookRunner(AnsibleSettings.local(playbooks)
                .withAllowedPlaybooks(List.of("sleep.yml")).withTimeout(Duration.ofSeconds(2)));
        // Watches for the sleep, so that the test knows it was there to be killed.
        AtomicReference<ProcessHandle> sleep = new AtomicReference<>();
        CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    ProcessHandle.allProcesses().filter(TimeoutTest::isOurSleep).findFirst().ifPresent(sleep::set);
                    return sleep.get() != null;
                }));
        long start = System.nanoTime();

        assertThatThrownBy(() -> runner.run("sleep.yml", List.of("localhost"), Map.of(), null))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageStartingWith("ansible: timed out after 2s running sleep.yml");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        watcher.exceptionally(notSeen -> null).join();
        assertThat(sleep.get()).as("the playbook's sleep ran before the timeout").isNotNull();
        assertThat(sleep.get().isAlive()).as("the playbook's sleep after the kill").isFalse();
        assertThat(ProcessHandle.allProcesses().filter(TimeoutTest::isOurSleep).toList())
                .as("the sleep the playbook started").isEmpty();
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("")
                .contains("ansible-playbook")).toList()).as("ansible-playbook and its workers").isEmpty();
    }

    private static boolean isOurSleep(ProcessHandle process) {
        return process.isAlive() && process.info().commandLine().orElse("").contains("sleep " + SLEEP_SECONDS);
    }
}
