package io.itsmhub.hub.bench;

import io.itsmhub.connectors.alertmanager.AlertmanagerClient;
import io.itsmhub.connectors.alertmanager.AlertmanagerProcess;
import io.itsmhub.connectors.alertmanager.AlertmanagerSettings;
import io.itsmhub.connectors.alertmanager.HttpAlertmanagerClient;
import io.itsmhub.connectors.jenkins.JenkinsSimulator;
import io.itsmhub.core.support.PostgresTestServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The three loops' latency through the delivery engine, with the after-commit wake-up and without it (the poll alone,
 * {@code hub.outbox.wake-up=false}: the engine's behaviour before the wake-up), in the same run, on H2 and on
 * PostgreSQL: resolve → silence visible in a real Alertmanager; a standard change scheduled with its window open
 * (authorised) → build request at the Jenkins simulator; an order that needs no approval (approved on submission) →
 * fulfilment started. Writes its section of docs/BENCHMARKS.md ({@code bench/delivery}).
 */
final class DeliveryLatencyBenchmark {

    static final String BEGIN = "<!-- delivery-latency -->";
    static final String END = "<!-- /delivery-latency -->";
    private static final int WARM_UP = 15;
    private static final String[] LOOPS = {"resolve → silence in Alertmanager", "authorised → build triggered",
        "approved → fulfilment started"};

    record Run(String database, boolean wakeUp, Map<String, long[]> loops) { }

    private DeliveryLatencyBenchmark() { }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path jar = root.resolve("routes/target/itsm-hub.jar");
        int rounds = Integer.getInteger("bench.rounds", 60);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        JenkinsSimulator jenkins = new JenkinsSimulator().start();
        AlertmanagerProcess alertmanager = AlertmanagerProcess.start();
        AlertmanagerClient am = new HttpAlertmanagerClient(AlertmanagerSettings.of(alertmanager.url()));
        List<Run> runs = new java.util.ArrayList<>();
        try {
            for (String database : List.of("H2", "PostgreSQL")) {
                for (boolean wakeUp : new boolean[] {false, true}) {
                    runs.add(measure(http, jar, jenkins, am, alertmanager, database, wakeUp, rounds));
                }
            }
        } finally {
            alertmanager.close();
            jenkins.close();
        }
        Path doc = root.resolve("docs/BENCHMARKS.md");
        writeSection(doc, BEGIN, END, report(runs, rounds));
        System.out.println("Wrote " + doc);
    }

    /**
     * Puts {@code section} (which starts with {@code begin} and ends with {@code end}) in place of the one between those
     * markers in {@code doc}, or at its end when it has none yet; the rest of the file is kept as it is.
     */
    static void writeSection(Path doc, String begin, String end, String section) throws IOException {
        String current = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n";
        int from = current.indexOf(begin);
        int to = current.indexOf(end);
        String updated = from >= 0 && to > from
                ? current.substring(0, from) + section + current.substring(to + end.length())
                : current.stripTrailing() + "\n\n" + section + "\n";
        Files.createDirectories(doc.getParent());
        Files.writeString(doc, updated);
    }

    /**
     * The sections written by other means than {@code bench/run} (this benchmark's, the several-hubs run's), each between
     * its {@code <!-- name -->} and {@code <!-- /name -->} markers, for a rewrite of {@code doc} to keep.
     */
    static String keptSections(Path doc) throws IOException {
        if (!Files.exists(doc)) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        java.util.regex.Matcher section = java.util.regex.Pattern.compile("(?s)<!-- ([a-z-]+) -->.*?<!-- /\\1 -->")
                .matcher(Files.readString(doc));
        while (section.find()) {
            kept.append('\n').append(section.group()).append('\n');
        }
        return kept.toString();
    }

    private static Run measure(HttpClient http, Path jar, JenkinsSimulator jenkins, AlertmanagerClient am,
                               AlertmanagerProcess alertmanager, String database, boolean wakeUp, int rounds) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("HUB_ADMIN_PASSWORD", HubBenchmark.ADMIN_PASSWORD,
                "HUB_DEMO_ENABLED", "false", "HUB_ALERTMANAGER_WEBHOOK_TOKEN", HubBenchmark.WEBHOOK_TOKEN,
                "HUB_ALERTMANAGER_URL", alertmanager.url().toString(), "HUB_JENKINS_URL", jenkins.url().toString(),
                "HUB_JENKINS_USER", JenkinsSimulator.USER, "HUB_JENKINS_API_TOKEN", JenkinsSimulator.API_TOKEN,
                "HUB_OUTBOX_WAKE_UP", String.valueOf(wakeUp)));
        if (database.equals("PostgreSQL")) {
            env.put("SPRING_PROFILES_ACTIVE", "postgres");
            env.put("HUB_DB_URL", PostgresTestServer.get().createDatabase("itsm_delivery_" + (wakeUp ? "wake" : "poll")));
            env.put("HUB_DB_USER", "postgres");
            env.put("HUB_DB_PASSWORD", "");
        }
        int port = HubBenchmark.freePort();
        env.put("HUB_PORT", String.valueOf(port));
        Path work = Files.createTempDirectory("itsm-delivery-bench-");
        ProcessBuilder launch = new ProcessBuilder("java", "-Xmx1g", "-jar", jar.toString()).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("hub.log").toFile());
        launch.environment().putAll(env);
        Process hub = launch.start();
        try {
            String base = "http://127.0.0.1:" + port;
            HubBenchmark.awaitHealthy(http, base, hub, work.resolve("hub.log"));
            String tag = (database + (wakeUp ? "wake" : "poll")).toLowerCase(Locale.ROOT);
            // warm-up rounds, not counted: the first calls of each path load classes and open connections
            HubBenchmark.loopLatency(http, am, base, tag + "warm" + Long.toString(System.nanoTime(), 36), WARM_UP);
            HubBenchmark.releaseLatency(http, jenkins, base, "bench/" + tag + "-warm", WARM_UP);
            fulfilmentStart(http, base, WARM_UP);
            Map<String, long[]> loops = new LinkedHashMap<>();
            loops.put(LOOPS[0], HubBenchmark.loopLatency(http, am, base, tag + Long.toString(System.nanoTime(), 36), rounds));
            loops.put(LOOPS[1], HubBenchmark.releaseLatency(http, jenkins, base, "bench/" + tag + "-deploy", rounds));
            loops.put(LOOPS[2], fulfilmentStart(http, base, rounds));
            loops.forEach((loop, l) -> System.out.printf(Locale.ROOT, "%-10s wake-up %-5s %-36s p50 %6.0f ms  p99 %6.0f ms%n",
                    database, wakeUp, loop, HubBenchmark.percentile(l, 0.5), HubBenchmark.percentile(l, 0.99)));
            return new Run(database, wakeUp, loops);
        } finally {
            hub.destroy();
            hub.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** An order of an item without approval is approved on submission; measured until the request is in fulfilment. */
    private static long[] fulfilmentStart(HttpClient http, String base, int rounds) throws Exception {
        String item = "{\"code\":\"bench-start\",\"name\":\"Bench start\",\"form\":[{\"name\":\"count\",\"label\":\"VMs\","
                + "\"type\":\"NUMBER\",\"required\":true,\"min\":1,\"max\":10}],\"approvalRequired\":false,"
                + "\"fulfilment\":\"vm\"}";
        HubBenchmark.send(http, java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/catalog/bench-start"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", HubBenchmark.AUTH).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(item)).build(), 200);
        long[] latencies = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            // a random pause, so that rounds do not lock into the phase of the poll
            LockSupport.parkNanos(Duration.ofMillis(ThreadLocalRandom.current().nextLong(300)).toNanos());
            long start = System.nanoTime();
            String number = HubBenchmark.field(HubBenchmark.send(http, HubBenchmark.post(base + "/api/v1/requests",
                    "{\"catalogItem\":\"bench-start\",\"values\":{\"count\":1}}"), 201), "number");
            while (HubBenchmark.field(HubBenchmark.send(http, HubBenchmark.get(base + "/api/v1/requests/" + number), 200),
                    "status").matches("SUBMITTED|APPROVED")) {
                if (System.nanoTime() - start > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("fulfilment of " + number + " not started within 30 s");
                }
                LockSupport.parkNanos(200_000);
            }
            latencies[i] = System.nanoTime() - start;
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static String report(List<Run> runs, int rounds) throws IOException {
        StringBuilder md = new StringBuilder(BEGIN).append('\n');
        md.append("## Delivery: the loops' latency with the after-commit wake-up, against the poll alone\n\n");
        md.append("- Date: ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)))
                .append(" UTC; machine: ").append(HubBenchmark.machine()).append('\n');
        md.append("- Command: `bench/delivery` (source: `routes/src/test/java/io/itsmhub/hub/bench/DeliveryLatencyBenchmark.java`). ")
                .append("One hub process per row, started fresh; ").append(rounds).append(" rounds per loop, one at a time. ")
                .append("Baseline: the same hub with `hub.outbox.wake-up=false`, which leaves delivery to the 250 ms poll ")
                .append("(how every event was delivered before the wake-up).\n");
        md.append("- Loops: resolve → a real Alertmanager (Debian's) reports the alert suppressed by the hub's silence; a standard ")
                .append("change scheduled with its window open → its build request reaches the Jenkins simulator; an order of an ")
                .append("item without approval (approved on submission) → the request is in fulfilment. Each includes the API ")
                .append("call that starts it and, for the first, Alertmanager's own answer.\n\n");
        md.append("| database | loop | poll only p50 ms | poll only p99 ms | wake-up p50 ms | wake-up p99 ms | p50 wake-up / poll |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (String database : List.of("H2", "PostgreSQL")) {
            Run poll = runs.stream().filter(r -> r.database().equals(database) && !r.wakeUp()).findFirst().orElseThrow();
            Run wake = runs.stream().filter(r -> r.database().equals(database) && r.wakeUp()).findFirst().orElseThrow();
            for (String loop : LOOPS) {
                long[] p = poll.loops().get(loop);
                long[] w = wake.loops().get(loop);
                md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.0f | %.2f |%n", database, loop,
                        HubBenchmark.percentile(p, 0.5), HubBenchmark.percentile(p, 0.99), HubBenchmark.percentile(w, 0.5),
                        HubBenchmark.percentile(w, 0.99), HubBenchmark.percentile(w, 0.5) / HubBenchmark.percentile(p, 0.5)));
            }
        }
        md.append('\n').append(END);
        return md.toString();
    }
}
