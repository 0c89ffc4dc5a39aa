package io.itsmhub.hub.scaleout;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * One hub as operators run it: {@code java -Xmx384m -jar itsm-hub.jar}, a child process of the test with its own
 * environment, port and arguments. Each start (the first, and each restart after a kill) writes stdout and stderr
 * to a log file of its own that outlives the test, since those logs are the evidence of what each hub did.
 */
final class HubProcess {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final int LOG_TAIL_CHARS = 4000;

    private final String name;
    private final int port;
    private final Path jar;
    private final Path workDir;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final List<Path> logs = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process process;

    /**
     * @param workDir     the hub's working directory; its logs go there too
     * @param environment added to this JVM's environment (HUB_* settings)
     * @param arguments   Spring Boot command-line properties ({@code --key=value})
     */
    HubProcess(String name, int port, Path jar, Path workDir, Map<String, String> environment, List<String> arguments) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.workDir = workDir;
        this.environment = Map.copyOf(environment);
        this.arguments = List.copyOf(arguments);
        // A test JVM that dies without stopping its hubs must not leave them running (and writing to the database).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process p = process;
            if (p != null) {
                p.destroyForcibly();
            }
        }, name + "-reaper"));
    }

    /** Starts a new incarnation of this hub; its log is {@code <name>.log}, then {@code <name>.restart-<n>.log}. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        try {
            Files.createDirectories(workDir);
            Path log = workDir.resolve(logs.isEmpty() ? name + ".log" : name + ".restart-" + logs.size() + ".log");
            // C1 only and the serial collector: a hub starts on two shared cores in about two thirds of the time
            // (17 s instead of 25 s here), and the test waits for three starts; nothing it checks depends on how well
            // the JIT optimises
            List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-Xmx384m", "-XX:+ExitOnOutOfMemoryError",
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("HUB_PORT", String.valueOf(port));
            process = builder.start();
            logs.add(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until {@code /actuator/health} says UP; fails at once, with the log's tail, if the process exits. */
    void awaitHealthy(Duration timeout) {
        try {
            await(name + " healthy").atMost(timeout).pollInterval(Duration.ofMillis(500))
                    .failFast(name + " exited before it was healthy", () -> !process.isAlive())
                    .until(this::healthy);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(name + " did not become healthy (" + e.getMessage() + "); end of "
                    + currentLog() + ":\n" + logTail(), e);
        }
    }

    /** SIGKILL, as the kernel's OOM killer or a node failure would: no shutdown hook, no commit, no unlock. */
    void kill() {
        Process p = process;
        p.destroyForcibly(); // SIGKILL on Linux
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + p.pid() + ") survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Graceful stops (SIGTERM) of all at once, then SIGKILL for any hub still running 20 s later. */
    static void stopAll(List<HubProcess> hubs) {
        List<Process> running = hubs.stream().map(h -> h.process).filter(p -> p != null && p.isAlive()).toList();
        running.forEach(Process::destroy);
        for (Process p : running) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    String name() {
        return name;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Every incarnation's log, oldest first. */
    List<Path> logs() {
        return List.copyOf(logs);
    }

    private Path currentLog() {
        return logs.get(logs.size() - 1);
    }

    private boolean healthy() {
        HttpRequest health = HttpRequest.newBuilder(url().resolve("/actuator/health")).timeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"status\":\"UP\"");
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String logTail() {
        try {
            String text = Files.readString(currentLog());
            return text.length() <= LOG_TAIL_CHARS ? text : "…" + text.substring(text.length() - LOG_TAIL_CHARS);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public String toString() {
        Process p = process;
        return name + "[" + url() + (p == null ? "" : ", pid " + p.pid() + (p.isAlive() ? "" : " exited")) + "]";
    }
}
