package io.itsmhub.connectors.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsmhub.connectors.ConnectorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the runner hands ansible-playbook (arguments, environment, files) and how it reads exit codes and
 * output, with scripts in its place that record what they got and answer as Ansible would. Needs no Ansible.
 */
class FakeAnsibleTest {

    private static final String STATS_OK = "{\"plays\": [], \"stats\": {\"web01\": {\"ok\": 3, \"changed\": 1, "
            + "\"failures\": 0, \"unreachable\": 0, \"skipped\": 1}}}";

    @TempDir
    Path dir;
    private Path playbooks;
    private Path seen;

    @BeforeEach
    void directories() throws IOException {
        playbooks = AnsibleTestSupport.playbookDir(dir.resolve("playbooks"), Map.of("baseline.yml", "---\n"));
        seen = Files.createDirectories(dir.resolve("seen"));
    }

    private ProcessPlaybookRunner runner(String script, boolean local) {
        Path fake = AnsibleTestSupport.script(dir, "ansible-playbook", script);
        return new ProcessPlaybookRunner(new AnsibleSettings(playbooks, fake.toString(), List.of("baseline.yml"),
                null, local ? null : "deploy", local ? null : Path.of("/keys/id_ed25519"), local));
    }

    @Test
    void passesArgumentsEnvironmentAndPrivateFilesAndDeletesThemAfterwards() throws IOException {
        PlaybookResult result = runner("""
                S='%s'
                printf '%%s\\n' "$@" > "$S/args"
                env > "$S/env"
                pwd > "$S/pwd"
                for a in "$@"; do
                  case "$a" in
                    --extra-vars=@*) f="${a#--extra-vars=@}"; cp "$f" "$S/vars"; stat -c %%a "$f" > "$S/vars.mode"
                                     d="$(dirname "$f")"; echo "$d" > "$S/dir"; stat -c %%a "$d" > "$S/dir.mode";;
                    --inventory=*) cp "${a#--inventory=}" "$S/inventory";;
                  esac
                done
                echo 'some noise before the JSON'
                echo '%s'
                """.formatted(seen, STATS_OK), false)
                .run("baseline.yml", List.of("web01"), Map.of("request_id", "RITM1"), null);

        assertThat(result.ok()).isTrue();
        assertThat(result.hosts()).containsOnlyKeys("web01");
        assertThat(result.hosts().get("web01")).isEqualTo(new HostResult("web01", 3, 1, 0, 0, 1, List.of()));
        String runDir = Files.readString(seen.resolve("dir")).strip();
        assertThat(Files.readAllLines(seen.resolve("args"))).containsExactly(
                "--inventory=" + runDir + "/inventory.yml",
                "--extra-vars=@" + runDir + "/vars.yml",
                "--user=deploy",
                "--private-key=/keys/id_ed25519",
                "--",
                playbooks.toRealPath().resolve("baseline.yml").toString());
        assertThat(seen.resolve("pwd")).content().isEqualToIgnoringNewLines(playbooks.toString());
        assertThat(seen.resolve("vars.mode")).content().isEqualToIgnoringNewLines("600");
        assertThat(seen.resolve("dir.mode")).content().isEqualToIgnoringNewLines("700");
        assertThat(seen.resolve("vars")).content().contains("\"request_id\": !unsafe \"RITM1\"");
        assertThat(seen.resolve("inventory")).content().isEqualToIgnoringNewLines("{\"all\": {\"hosts\": {\"web01\": null}}}");
        assertThat(Files.readAllLines(seen.resolve("env"))).contains(
                "ANSIBLE_CONFIG=" + runDir + "/ansible.cfg",
                "ANSIBLE_STDOUT_CALLBACK=ansible.posix.json",
                "ANSIBLE_LOAD_CALLBACK_PLUGINS=1",
                "ANSIBLE_CALLBACKS_ENABLED=itsm_progress",
                "ANSIBLE_NOCOLOR=1",
                "ANSIBLE_RETRY_FILES_ENABLED=0",
                "ANSIBLE_LOCAL_TEMP=" + runDir + "/tmp",
                "LC_ALL=C.UTF-8")
                .noneMatch(line -> line.startsWith("ANSIBLE_HOST_KEY_CHECKING=") || line.startsWith("ANSIBLE_REMOTE_TEMP="));
        assertThat(Path.of(runDir)).as("the run directory, vars file included").doesNotExist();
    }

    @Test
    void localModeSkipsHostKeysAndKeepsRemoteTempInTheRunDirectory() throws IOException {
        runner("env > '%s/env'\necho '%s'".formatted(seen, STATS_OK), true)
                .run("baseline.yml", List.of("web01"), Map.of(), null);

        assertThat(Files.readAllLines(seen.resolve("env"))).contains("ANSIBLE_HOST_KEY_CHECKING=False")
                .anyMatch(line -> line.matches("ANSIBLE_REMOTE_TEMP=.*/itsm-ansible-[^/]+/remote-tmp"));
    }

    @ParameterizedTest(name = "exit {0}")
    @CsvSource({"1, false, 'ansible-playbook failed (exit 1)'", "3, false, 'ansible-playbook failed (exit 3)'",
            "4, false, 'could not parse'", "5, false, 'ansible-playbook failed (exit 5)'",
            "250, false, 'ansible-playbook failed (exit 250)'", "99, true, 'interrupted (exit 99)'",
            "137, true, 'interrupted (exit 137)'", "0, false, 'printed no JSON result'",
            "2, false, 'printed no JSON result'"})
    void classifiesExitCodesWithoutAResult(int exit, boolean retryable, String message) {
        ProcessPlaybookRunner runner = runner("echo '[WARNING]: noise' >&2\necho 'ERROR! the real reason' >&2\nexit "
                + exit, true);

        assertThatThrownBy(() -> runner.run("baseline.yml", List.of("web01"), Map.of(), null))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isEqualTo(retryable))
                .hasMessageContaining(message)
                .hasMessageEndingWith(": ERROR! the real reason");
    }

    @Test
    void exitTwoIsAResultWithTheFailedTasks() {
        String json = "{\"plays\": [{\"tasks\": [{\"task\": {\"name\": \"nginx : Check the port\"}, \"hosts\": {"
                + "\"web01\": {\"failed\": true, \"msg\": \"bad port\"}, \"web02\": {\"changed\": false}}}]}], "
                + "\"stats\": {\"web01\": {\"ok\": 0, \"failures\": 1}, \"web02\": {\"ok\": 1}}}";
        PlaybookResult result = runner("echo '" + json + "'\nexit 2", true)
                .run("baseline.yml", List.of("web01", "web02"), Map.of(), null);

        assertThat(result.ok()).isFalse();
        assertThat(result.hosts().get("web01").failedTasks()).containsExactly("nginx : Check the port: bad port");
        assertThat(result.hosts().get("web02").succeeded()).isTrue();
        assertThat(result.failureSummary()).isEqualTo("web01: nginx : Check the port: bad port");
    }

    @Test
    void exitFourWithUnreachableHostsIsRetryable() {
        String json = "{\"plays\": [{\"tasks\": [{\"task\": {\"name\": \"Ping\"}, \"hosts\": {\"web01\": "
                + "{\"unreachable\": true, \"msg\": \"ssh: connect to host web01 port 22: Connection refused\"}}}]}], "
                + "\"stats\": {\"web01\": {\"unreachable\": 1}}}";

        assertThatThrownBy(() -> runner("echo '" + json + "'\nexit 4", true)
                .run("baseline.yml", List.of("web01"), Map.of(), null))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessage("ansible: hosts unreachable running baseline.yml: web01: Ping: ssh: connect to host web01 "
                        + "port 22: Connection refused");
    }

    @Test
    void fallsBackToTheOldCallbackNameWhenAnsiblePosixIsMissing() {
        ProcessPlaybookRunner runner = runner("""
                if [ "$ANSIBLE_STDOUT_CALLBACK" = ansible.posix.json ]; then
                  echo 'ERROR! Invalid callback for stdout specified: ansible.posix.json' >&2; exit 1
                fi
                echo '%s'
                """.formatted(STATS_OK), true);

        assertThat(runner.run("baseline.yml", List.of("web01"), Map.of(), null).ok()).isTrue();
    }

    @Test
    void passesLiveProgressLinesOnAndKeepsThemOutOfErrorMessages() {
        List<String> progress = new CopyOnWriteArrayList<>();
        ProcessPlaybookRunner runner = runner("""
                echo 'ITSMHUB-PROGRESS {"host": "web01", "task": "nginx : Install nginx", "status": "changed", "done": 1, "total": 4}' >&2
                echo 'ITSMHUB-PROGRESS not json' >&2
                echo 'ERROR! broken' >&2
                exit 1
                """, true);

        assertThatThrownBy(() -> runner.run("baseline.yml", List.of("web01"), Map.of(), progress::add))
                .hasMessage("ansible: ansible-playbook failed (exit 1) running baseline.yml: ERROR! broken");
        assertThat(progress).containsExactly("1/4 web01 changed: nginx : Install nginx");
    }

    @Test
    void replaysProgressFromTheJsonWhenNoLiveLinesCame() {
        String json = "{\"plays\": [{\"tasks\": ["
                + "{\"task\": {\"name\": \"A\"}, \"hosts\": {\"web01\": {\"changed\": true}, \"web02\": {}}}, "
                + "{\"task\": {\"name\": \"B\"}, \"hosts\": {\"web01\": {\"skipped\": true}, \"web02\": {}}}]}], "
                + "\"stats\": {\"web01\": {\"ok\": 1}, \"web02\": {\"ok\": 2}}}";
        List<String> progress = new CopyOnWriteArrayList<>();

        runner("echo '" + json + "'", true).run("baseline.yml", List.of("web01", "web02"), Map.of(), progress::add);

        assertThat(progress).containsExactly("1/2 web01 changed: A", "1/2 web02 ok: A", "2/2 web01 skipped: B",
                "2/2 web02 ok: B");
    }

    @Test
    void aProgressConsumerThatThrowsDoesNotStopTheRun() {
        ProcessPlaybookRunner runner = runner("""
                echo 'ITSMHUB-PROGRESS {"host": "web01", "task": "A", "status": "ok", "done": 1, "total": 1}' >&2
                echo '%s'
                """.formatted(STATS_OK), true);

        assertThat(runner.run("baseline.yml", List.of("web01"), Map.of(), line -> {
            throw new IllegalStateException("journal down");
        }).ok()).isTrue();
    }

    @Test
    void aMissingExecutableIsPermanent() {
        ProcessPlaybookRunner byPath = new ProcessPlaybookRunner(new AnsibleSettings(playbooks,
                dir.resolve("no/such/ansible-playbook").toString(), null, null, null, null, true)
                .withAllowedPlaybooks(List.of("baseline.yml")));
        ProcessPlaybookRunner byName = new ProcessPlaybookRunner(new AnsibleSettings(playbooks,
                "ansible-playbook-not-installed-anywhere", List.of("baseline.yml"), null, null, null, true));

        for (ProcessPlaybookRunner runner : List.of(byPath, byName)) {
            assertThatThrownBy(() -> runner.run("baseline.yml", List.of("localhost"), Map.of(), null))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isFalse())
                    .hasMessageStartingWith("ansible: ansible-playbook not found (install ansible-core)");
        }
    }
}
