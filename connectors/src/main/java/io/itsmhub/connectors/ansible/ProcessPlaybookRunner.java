package io.itsmhub.connectors.ansible;

import io.itsmhub.connectors.ConnectorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PlaybookRunner} that starts the real {@code ansible-playbook} with an argument list (no shell), in the
 * playbook directory, with a private inventory, vars file, configuration and temp directory per run, deleted
 * afterwards. Everything is checked before a process starts: the playbook (allow-list, inside the directory),
 * the hosts and the variable names; request strings are passed {@code !unsafe} (see {@link UnsafeVars}).
 *
 * <p>Exit codes: 0 is a successful result; 2 (tasks failed) a result with {@code ok=false}; 4 with unreachable
 * hosts a retryable error (4 without them is Ansible's parser error, permanent); 99 and death by a signal
 * retryable; anything else (1 error, 5 bad options, 250 internal error) permanent, with the end of stderr.
 * A run longer than the timeout is killed with its whole process tree and is retryable. Thread-safe.
 */
public class ProcessPlaybookRunner implements PlaybookRunner {

    static final String SYSTEM = "ansible";
    static final String JSON_CALLBACK = "ansible.posix.json";
    // Ansible 2.9 and older had it built in under this name; newer ones route the name to ansible.posix.
    static final String OLD_JSON_CALLBACK = "json";
    private static final int STDOUT_LIMIT = 64 * 1024 * 1024;
    private static final int STDERR_LIMIT = 16 * 1024;
    private static final int SUMMARY_LIMIT = 2000;
    private static final long KILL_WAIT_MILLIS = 10_000;
    private static final long PUMP_WAIT_MILLIS = 5_000;
    private static final Logger log = LoggerFactory.getLogger(ProcessPlaybookRunner.class);

    private final AnsibleSettings settings;
    private final PlaybookResolver resolver;
    private volatile String jsonCallback = JSON_CALLBACK;

    public ProcessPlaybookRunner(AnsibleSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = new PlaybookResolver(settings.playbookDir(), settings.allowedPlaybooks());
    }

    @Override
    public PlaybookResult run(String playbook, List<String> hosts, Map<String, Object> variables,
            Consumer<String> progress) {
        Path file = resolver.resolve(playbook);
        Inventory inventory = Inventory.of(hosts);
        String vars = UnsafeVars.yaml(variables == null ? Map.of() : variables);
        String executable = executable();
        log.info("ansible: running {} on {} host(s)", playbook, inventory.hosts().size());
        if (log.isDebugEnabled()) {
            log.debug("ansible: {} hosts {}, variables {}", playbook, inventory.hosts(),
                    variables == null ? List.of() : variables.keySet()); // names only: values are request data
        }
        try (RunDirectory run = RunDirectory.create()) {
            Path inventoryFile = run.writePrivate("inventory.yml", inventory.yaml(settings.local()));
            Path varsFile = run.writePrivate("vars.yml", vars);
            run.writePrivate("ansible.cfg", """
                    # Written by the hub for one run. Settings come from the environment; this file stands in for
                    # any ansible.cfg in the working directory, the home directory or /etc/ansible.
                    [defaults]
                    """);
            ProgressCallback.install(run.resolve("callback_plugins"));
            List<String> command = command(executable, inventoryFile, varsFile, file);
            String callback = jsonCallback;
            Attempt attempt = execute(playbook, command, run, callback, progress);
            if (attempt.exitCode() == 1 && attempt.stderr().contains("Invalid callback for stdout specified")
                    && callback.equals(JSON_CALLBACK)) {
                log.info("ansible: no {} stdout callback (ansible.posix missing?), trying {}", JSON_CALLBACK,
                        OLD_JSON_CALLBACK);
                jsonCallback = OLD_JSON_CALLBACK;
                attempt = execute(playbook, command, run, OLD_JSON_CALLBACK, progress);
            }
            return interpret(playbook, attempt, progress);
        } catch (IOException e) {
            throw ConnectorException.retryable(SYSTEM, "cannot prepare the run of " + playbook + ": " + e, e);
        }
    }

    /** What one ansible-playbook process did. */
    private record Attempt(int exitCode, String stdout, boolean stdoutTruncated, String stderr, boolean liveProgress,
            Duration duration) {
    }

    private List<String> command(String executable, Path inventory, Path vars, Path playbook) {
        List<String> command = new ArrayList<>(List.of(executable, "--inventory=" + inventory,
                "--extra-vars=@" + vars));
        if (!settings.local()) {
            // "--opt=value": a value can never be read as an option of its own.
            if (settings.remoteUser() != null) {
                command.add("--user=" + settings.remoteUser());
            }
            if (settings.privateKey() != null) {
                command.add("--private-key=" + settings.privateKey().toAbsolutePath());
            }
        }
        command.add("--");
        command.add(playbook.toString());
        return command;
    }

    private Attempt execute(String playbook, List<String> command, RunDirectory run, String callback,
            Consumer<String> progress) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(resolver.directory().toFile());
        environment(builder.environment(), run, callback);
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw ConnectorException.permanent(SYSTEM,
                    "ansible-playbook not found (install ansible-core): cannot run " + command.get(0), e);
        }
        try {
            return await(playbook, process, progress, start);
        } finally {
            // Whatever went wrong in here, no ansible-playbook outlives its run.
            if (process.isAlive()) {
                ProcessTree.kill(process, KILL_WAIT_MILLIS);
            }
        }
    }

    private Attempt await(String playbook, Process process, Consumer<String> progress, long start) {
        try {
            // Nothing to answer prompts (vars_prompt, a become password): they fail instead of hanging.
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // the exit code tells
        }
        AtomicBoolean live = new AtomicBoolean();
        OutputPump out = OutputPump.head(process.getInputStream(), "ansible-stdout-" + process.pid(), STDOUT_LIMIT);
        OutputPump err = OutputPump.tail(process.getErrorStream(), "ansible-stderr-" + process.pid(), STDERR_LIMIT,
                OutputPump.progressLines(progress, () -> live.set(true)));
        boolean finished;
        try {
            finished = process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            ProcessTree.kill(process, KILL_WAIT_MILLIS);
            Thread.currentThread().interrupt();
            throw ConnectorException.retryable(SYSTEM, "interrupted while running " + playbook + "; killed it", e);
        }
        if (!finished) {
            ProcessTree.kill(process, KILL_WAIT_MILLIS);
            out.await(PUMP_WAIT_MILLIS);
            String stderr = err.await(PUMP_WAIT_MILLIS);
            log.warn("ansible: {} timed out after {}; killed it with its child processes", playbook,
                    text(settings.timeout()));
            throw ConnectorException.retryable(SYSTEM, "timed out after " + text(settings.timeout()) + " running "
                    + playbook + lastLines(stderr, ": "), null);
        }
        String stdout = out.await(PUMP_WAIT_MILLIS);
        String stderr = err.await(PUMP_WAIT_MILLIS);
        return new Attempt(process.exitValue(), stdout, out.truncated(), stderr, live.get(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Only what this run needs: every inherited ANSIBLE_* variable (ANSIBLE_CONFIG elsewhere, another stdout
     * callback, vault password files…) and PYTHON* variable (another PYTHONPATH under Ansible) is dropped.
     */
    private void environment(Map<String, String> env, RunDirectory run, String callback) throws IOException {
        env.keySet().removeIf(name -> name.startsWith("ANSIBLE_") || name.startsWith("PYTHON"));
        env.put("ANSIBLE_CONFIG", run.resolve("ansible.cfg").toString());
        env.put("ANSIBLE_STDOUT_CALLBACK", callback);
        env.put("ANSIBLE_JSON_INDENT", "0"); // one line: easy to find among anything else on stdout
        env.put("ANSIBLE_LOAD_CALLBACK_PLUGINS", "1");
        env.put("ANSIBLE_CALLBACK_PLUGINS", run.resolve("callback_plugins").toString());
        env.put("ANSIBLE_CALLBACKS_ENABLED", ProgressCallback.NAME);
        env.put("ANSIBLE_NOCOLOR", "1");
        env.put("ANSIBLE_RETRY_FILES_ENABLED", "0");
        // Only the YAML inventory we write; never the script plugin, which would execute an inventory file.
        env.put("ANSIBLE_INVENTORY_ENABLED", "yaml");
        env.put("ANSIBLE_ROLES_PATH", resolver.directory().toRealPath().resolve("roles").toString());
        env.put("ANSIBLE_LOCAL_TEMP", Files.createDirectories(run.resolve("tmp")).toString());
        if (settings.local()) {
            env.put("ANSIBLE_HOST_KEY_CHECKING", "False");
            // Local mode: the "remote" side is this machine, so its temp files go into the run's directory too.
            env.put("ANSIBLE_REMOTE_TEMP", run.resolve("remote-tmp").toString());
        }
        // Ansible refuses to start without a UTF-8 locale; C.UTF-8 is always there on Debian.
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
    }

    private PlaybookResult interpret(String playbook, Attempt attempt, Consumer<String> progress) {
        int exit = attempt.exitCode();
        if (exit == 0 || exit == 2 || exit == 4) {
            if (attempt.stdoutTruncated()) {
                throw ConnectorException.permanent(SYSTEM, playbook + " printed more than " + STDOUT_LIMIT
                        + " characters of results", null);
            }
            JsonCallbackOutput output = JsonCallbackOutput.parse(attempt.stdout()).orElse(null);
            if (output != null && progress != null && !attempt.liveProgress()) {
                ProgressCallback.replay(output, progress);
            }
            if (exit == 4) {
                // 4 is both "hosts unreachable" (a JSON result) and "parser error" (nothing ran).
                if (output != null && output.anyUnreachable()) {
                    throw ConnectorException.retryable(SYSTEM, "hosts unreachable running " + playbook + ": "
                            + limit(output.failureSummary()), null);
                }
                throw ConnectorException.permanent(SYSTEM, "ansible-playbook could not parse " + playbook
                        + lastLines(attempt.stderr(), ": "), null);
            }
            if (output == null) {
                throw ConnectorException.permanent(SYSTEM, "ansible-playbook exited with " + exit + " but printed "
                        + "no JSON result for " + playbook + lastLines(attempt.stderr(), ": "), null);
            }
            boolean ok = exit == 0;
            String summary = ok ? null : output.failureSummary();
            if (!ok && summary == null) {
                summary = lastLines(attempt.stderr(), "");
            }
            log.info("ansible: {} finished {} in {} ms on {} host(s)", playbook, ok ? "ok" : "with failures",
                    attempt.duration().toMillis(), output.hosts().size());
            log.debug("ansible: {} failures: {}", playbook, summary);
            return new PlaybookResult(playbook, ok, output.hosts(), attempt.duration(), limit(summary));
        }
        if (exit == 99 || exit > 128 && exit < 128 + 65) {
            throw ConnectorException.retryable(SYSTEM, "ansible-playbook was interrupted (exit " + exit + ") running "
                    + playbook + lastLines(attempt.stderr(), ": "), null);
        }
        throw ConnectorException.permanent(SYSTEM, "ansible-playbook failed (exit " + exit + ") running " + playbook
                + lastLines(attempt.stderr(), ": "), null);
    }

    /** The executable, made absolute when it is a path, so that the child's working directory does not matter. */
    private String executable() {
        String executable = settings.executable();
        if (executable.indexOf('/') < 0) {
            return executable; // looked up on the PATH when the process starts
        }
        Path path = Path.of(executable).toAbsolutePath();
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw ConnectorException.permanent(SYSTEM,
                    "ansible-playbook not found (install ansible-core): no executable " + path, null);
        }
        return path.toString();
    }

    /** Ansible's last "ERROR!" and what follows it, else the last lines; bounded. */
    private static String lastLines(String stderr, String prefix) {
        String text = stderr.strip();
        if (text.isEmpty()) {
            return "";
        }
        int error = text.lastIndexOf("ERROR!");
        if (error >= 0) {
            text = text.substring(error);
        }
        if (text.length() > SUMMARY_LIMIT) {
            text = "…" + text.substring(text.length() - SUMMARY_LIMIT);
        }
        return prefix + text;
    }

    private static String limit(String summary) {
        if (summary == null || summary.length() <= SUMMARY_LIMIT) {
            return summary;
        }
        return summary.substring(0, SUMMARY_LIMIT) + "…";
    }

    private static String text(Duration d) {
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
