package io.itsmhub.connectors.alertmanager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real Alertmanager ({@code /usr/bin/prometheus-alertmanager}, Debian's package) started as a child process
 * on a free loopback port, for tests in this and other modules (through {@code connectors:test-jar}).
 * <pre>{@code
 * assumeTrue(AlertmanagerProcess.installed());
 * try (AlertmanagerProcess am = AlertmanagerProcess.start(hubWebhookUrl, "token")) {
 *     var client = new HttpAlertmanagerClient(AlertmanagerSettings.of(am.url()));
 * }
 * }</pre>
 * One route, receiver {@code hub}, grouped by {@code alertname}, group wait and interval 1s (so webhooks
 * arrive about a second after an alert changes), repeat interval 1h; resolved alerts are notified too. The receiver
 * may post to several webhooks (one Alertmanager feeding several hubs). No cluster, state in a temporary directory
 * that {@link #close()} deletes.
 */
public final class AlertmanagerProcess implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final int PORT_ATTEMPTS = 3;

    private final Process process;
    private final Path dir;
    private final Path log;
    private final URI url;
    private final Thread reaper;

    private AlertmanagerProcess(Process process, Path dir, Path log, URI url) {
        this.process = process;
        this.dir = dir;
        this.log = log;
        this.url = url;
        // A test JVM that dies without close() must not leave an Alertmanager behind.
        this.reaper = new Thread(process::destroyForcibly, "alertmanager-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Whether the Alertmanager binary is there; tests should {@code assumeTrue} it. */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** An Alertmanager whose only receiver has no webhook. */
    public static AlertmanagerProcess start() {
        return start(List.of(), null);
    }

    /**
     * Starts an Alertmanager and waits until it is ready (at most 30 s).
     *
     * @param webhookUrl         where receiver {@code hub} posts notifications, or null for no webhook
     * @param webhookBearerToken the {@code Authorization: Bearer} credentials of those posts, or null for none
     */
    public static AlertmanagerProcess start(URI webhookUrl, String webhookBearerToken) {
        return start(webhookUrl == null ? List.of() : List.of(webhookUrl), webhookBearerToken);
    }

    /**
     * Starts an Alertmanager whose receiver {@code hub} posts every notification to each of {@code webhookUrls}
     * (empty: no webhook), all with the same bearer token; waits until it is ready (at most 30 s).
     */
    public static AlertmanagerProcess start(List<URI> webhookUrls, String webhookBearerToken) {
        try {
            Path dir = Files.createTempDirectory("alertmanager-");
            Path config = Files.writeString(dir.resolve("alertmanager.yml"), webhooksConfig(webhookUrls, webhookBearerToken));
            IllegalStateException last = null;
            // The free port can be taken between probing and binding; a fresh port usually fixes that.
            for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
                try {
                    return launch(dir, config, freePort());
                } catch (IllegalStateException e) {
                    last = e;
                }
            }
            deleteRecursively(dir);
            throw last;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Alertmanager", e);
        }
    }

    /** Base URL, e.g. {@code http://127.0.0.1:40123}. */
    public URI url() {
        return url;
    }

    /** Alertmanager's output (level warn and above); gone after {@link #close()}. */
    public Path log() {
        return log;
    }

    /** The log's text, for assertion messages. */
    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        deleteRecursively(dir);
    }

    private static AlertmanagerProcess launch(Path dir, Path config, int port) throws IOException {
        Path log = dir.resolve("alertmanager-" + port + ".log");
        Process process = new ProcessBuilder(List.of(BINARY.toString(),
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=", // no gossip port: a lone node, nothing else to collide with
                "--log.level=warn"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        URI url = URI.create("http://127.0.0.1:" + port);
        if (awaitReady(process, url)) {
            return new AlertmanagerProcess(process, dir, log, url);
        }
        stop(process);
        throw new IllegalStateException("Alertmanager on port " + port + " did not become ready (exit "
                + (process.isAlive() ? "none" : process.exitValue()) + "): " + Files.readString(log));
    }

    /** Polls {@code /-/ready} until 200, the process exits, or 30 s pass. */
    private static boolean awaitReady(Process process, URI url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(url.resolve("/-/ready")).timeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYetListening) {
                // poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                // Paces the poll, and wakes at once if Alertmanager exits (bad config, port taken).
                process.onExit().get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // poll again
            } catch (ExecutionException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** YAML; strings are written as JSON strings, which YAML reads as double-quoted scalars. */
    static String config(URI webhookUrl, String webhookBearerToken) {
        return webhooksConfig(webhookUrl == null ? List.of() : List.of(webhookUrl), webhookBearerToken);
    }

    /** The same, with one webhook_configs entry per URL. */
    static String webhooksConfig(List<URI> webhookUrls, String webhookBearerToken) {
        StringBuilder yaml = new StringBuilder("""
                route:
                  receiver: hub
                  group_by: ['alertname']
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: hub
                """);
        if (!webhookUrls.isEmpty()) {
            yaml.append("    webhook_configs:\n");
        }
        for (URI webhookUrl : webhookUrls) {
            yaml.append("      - url: ").append(quote(webhookUrl.toString())).append('\n')
                    .append("        send_resolved: true\n");
            if (webhookBearerToken != null) {
                yaml.append("        http_config:\n")
                        .append("          authorization:\n")
                        .append("            type: Bearer\n")
                        .append("            credentials: ").append(quote(webhookBearerToken)).append('\n');
            }
        }
        return yaml.toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir is not worth failing a test for
        }
    }

    @Override
    public String toString() {
        return "AlertmanagerProcess[" + url + ", pid " + process.pid() + "]";
    }
}
