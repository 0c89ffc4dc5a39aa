package io.itsmhub.hub.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.connectors.alertmanager.AlertmanagerProcess;
import io.itsmhub.core.support.PostgresTestServer;
import io.itsmhub.hub.scaleout.HubApi.Answer;
import io.itsmhub.hub.scaleout.HubDatabase.Incident;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scale-out as it is deployed: three hub processes ({@code java -jar itsm-hub.jar}) on one PostgreSQL, fed by a
 * pair of real Alertmanagers that each deliver every alert to two hubs (AM1 to hubs 1 and 2, AM2 to hubs 2 and 3),
 * while an agent works incidents through the API on whichever hub answers. Mid-load hub 2 is SIGKILLed and started
 * again. What users would see must hold all the same: every alert one incident, no incident twice, a silence for each
 * incident a person resolved (and none left for one they reopened), each chat message once, and each singleton timer
 * on one hub at a time. The figures go to {@code target/several-hubs/report.txt}, beside each hub's log.
 */
class SeveralHubsIT {

    static final int ALERTS = 300;
    static final int BATCH = 10;
    /** Between two batches of alerts: spreads the load over ~18 s, so that the kill falls in the middle of it. */
    static final Duration PACE = Duration.ofMillis(600);
    static final int RESOLVE = 60;
    static final int KILLS = 1;
    static final int REOPEN = 20;
    /** The agent's work is mid-load too: hub 2 is killed once this many resolves went through (slow under load). */
    static final int RESOLVED_BEFORE_KILL = 2;

    static final String TOKEN = "several-hubs-webhook-token";
    static final String ADMIN_PASSWORD = "several-hubs-admin-pw";
    static final Path OUT = Path.of(System.getProperty("several-hubs.dir", "target/several-hubs"));
    static final ObjectMapper JSON = new ObjectMapper();

    static long itStarted;
    static String databaseUrl;
    static HubDatabase db;
    static ChatRecorder chat;
    static AlertmanagerProcess am1;
    static AlertmanagerProcess am2;
    static final List<HubProcess> hubs = new ArrayList<>();

    @BeforeAll
    static void startPeersAndHubs() throws IOException {
        itStarted = System.nanoTime();
        Path jar = Path.of(System.getProperty("hub.jar", "target/itsm-hub.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged hub (run this test through mvn verify, which passes -Dhub.jar)").isRegularFile();
        assertThat(AlertmanagerProcess.installed()).as(AlertmanagerProcess.BINARY + " (Debian's prometheus-alertmanager, "
                + "installed by bin/test)").isTrue();
        resetOutputDirectory();

        databaseUrl = PostgresTestServer.get().createDatabase("itsm_several_hubs");
        db = new HubDatabase(databaseUrl);
        chat = ChatRecorder.start();
        List<Integer> ports = List.of(freePort(), freePort(), freePort());
        List<URI> webhooks = ports.stream().map(p -> URI.create("http://127.0.0.1:" + p + "/webhooks/alertmanager")).toList();
        // Not clustered: a cluster shares one notification log and lets one of the pair deliver, while two
        // independent Alertmanagers deliver every alert to hub 2 twice, and to hubs 1 and 3 besides.
        am1 = AlertmanagerProcess.start(List.of(webhooks.get(0), webhooks.get(1)), TOKEN);
        am2 = AlertmanagerProcess.start(List.of(webhooks.get(1), webhooks.get(2)), TOKEN);

        for (int i = 0; i < 3; i++) {
            String name = "hub-" + (i + 1);
            hubs.add(new HubProcess(name, ports.get(i), jar, OUT.resolve(name).toAbsolutePath(), hubEnvironment(),
                    hubArguments()));
        }
        // Hub 1 alone first: it creates the schema and the administrator; the other two then join a running system,
        // as replicas added to a deployment do.
        hubs.get(0).start();
        hubs.get(0).awaitHealthy(Duration.ofSeconds(120));
        hubs.get(1).start();
        hubs.get(2).start();
        hubs.get(1).awaitHealthy(Duration.ofSeconds(120));
        hubs.get(2).awaitHealthy(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopEverything() {
        HubProcess.stopAll(hubs);
        for (var am : new AlertmanagerProcess[] {am1, am2}) {
            if (am != null) {
                // Alertmanager keeps its log in a temporary folder that close() deletes: a copy stays as evidence
                writeQuietly(OUT.resolve((am == am1 ? "am1" : "am2") + ".log"), am.logText());
                am.close();
            }
        }
        if (chat != null) {
            chat.close();
        }
    }

    @Test
    @Timeout(value = 200, unit = TimeUnit.SECONDS)
    void threeHubsKeepEveryAlertOnceEveryMessageOnceAndEverySilenceRightWhileOneIsKilledMidLoad() throws Exception {
        long began = System.nanoTime();
        ScaleOutReport report = new ScaleOutReport(OUT.resolve("report.txt"));
        report.figure("hubs", "3 processes on one PostgreSQL; Alertmanagers: AM1 -> hubs 1+2, AM2 -> hubs 2+3");
        HubApi admin = new HubApi(hubs, "admin", ADMIN_PASSWORD);
        // A handler's failure shows only in its event's last_error, until a retry succeeds: sampled as it runs.
        Set<String> outboxErrors = new ConcurrentSkipListSet<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> outboxErrors.addAll(db.outboxErrorsNow()), 0, 500, TimeUnit.MILLISECONDS);
        try {
            Agent agent = Agent.create(admin, hubs, "sam.agent", "several-hubs-agent-pw");
            AlertFeed feed = new AlertFeed(List.of(am1.url(), am2.url()), hubs, TOKEN);
            Agent.Work work = loadWithAKill(feed, agent, report);
            Set<String> expected = feed.expectedTitles(ALERTS);
            report.figure("alerts pushed", ALERTS + " distinct, " + feed.alertsPosted()
                    + " posts to the Alertmanagers (each alert to both, twice)");
            report.figure("replayed alerts", feed.replayed() + " distinct, straight to every live hub at once, twice; "
                    + feed.replaysAccepted() + " deliveries answered 200");

            // Each wait ends as soon as its condition holds; one that times out is reported by the checks below.
            List<String> unsettled = new ArrayList<>();
            settle(unsettled, "every alert raised its incident", Duration.ofSeconds(60),
                    () -> lost(expected, db.alertIncidents()).isEmpty());
            // hub 2's claimed deliveries come back when their lease (hub.outbox.lease, 15 s here) runs out
            settle(unsettled, "the outbox drained (backlog PENDING 0)", Duration.ofSeconds(100),
                    () -> backlog(admin).path("PENDING").asLong(-1) == 0);
            settle(unsettled, "a chat message for every incident", Duration.ofSeconds(20),
                    () -> db.alertIncidents().keySet().stream().allMatch(n -> !created(n).isEmpty()));
            sampler.shutdownNow();

            // Every check runs, so that a failure shows every figure that is wrong.
            SoftAssertions softly = new SoftAssertions();
            Set<String> wentWrong = new TreeSet<>();
            checkIncidents(softly, report, expected);
            checkAgentWork(softly, report, work);
            wentWrong.addAll(checkSilences(softly, report, work));
            wentWrong.addAll(checkChat(softly, report));
            checkSingletonTimers(softly, report);
            JsonNode backlog = backlog(admin);
            report.figure("backlog at the end", backlog);
            softly.assertThat(backlog.path("PARKED").asLong(-1)).as("events parked in the dead letters: %s", backlog).isZero();
            report.figure("webhooks answered 404 while a hub started", hubLogs().stream()
                    .mapToLong(SeveralHubsIT::webhooksRefusedWhileStarting).sum()
                    + " (Alertmanager drops a 4xx; the other hub of the pair had those alerts)");
            report.figure("did not settle", unsettled);
            softly.assertThat(unsettled).as("conditions that did not settle in time").isEmpty();
            report.figure("test wall time", seconds(began) + " s (whole IT with the start of everything "
                    + seconds(itStarted) + " s)");
            evidence(report, wentWrong, outboxErrors);
            report.write();
            softly.assertAll();
        } finally {
            sampler.shutdownNow();
            report.write();
        }
    }

    /**
     * Feeds the alerts and lets the agent work while they flow; SIGKILLs hub 2 once a third of the alerts are in and
     * the agent is resolving, and starts it again once the two survivors have shown they carry the load alone.
     */
    private static Agent.Work loadWithAKill(AlertFeed feed, Agent agent, ScaleOutReport report) throws Exception {
        ExecutorService load = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> feeding = CompletableFuture.runAsync(() -> feed.run(ALERTS, BATCH, PACE), load);
            CompletableFuture<Agent.Work> working = CompletableFuture.supplyAsync(() -> agent.resolveThenReopen(
                    await("alert incidents for the agent").atMost(Duration.ofSeconds(90)).until(
                            () -> db.newIncidents(AlertFeed.TITLE_PREFIX, RESOLVE),
                            found -> found.size() == RESOLVE), REOPEN), load);
            await("a third of the alerts raised and the agent resolving").atMost(Duration.ofSeconds(90))
                    .failFast("the load stopped early", () -> feeding.isCompletedExceptionally() || working.isCompletedExceptionally())
                    .until(() -> db.alertIncidentCount() >= ALERTS / 3 && agent.resolvedSoFar() >= RESOLVED_BEFORE_KILL);
            HubProcess victim = hubs.get(1);
            victim.kill();
            int atKill = db.alertIncidentCount();
            report.figure("kills", "1: SIGKILL of " + victim.name() + " with " + atKill + " incidents raised and "
                    + agent.resolvedSoFar() + " resolved by the agent, then restarted");
            await("hubs 1 and 3 raising incidents while hub 2 is down").atMost(Duration.ofSeconds(60))
                    .until(() -> db.alertIncidentCount() >= Math.min(atKill + 30, ALERTS) || feeding.isDone());
            victim.start();
            victim.awaitHealthy(Duration.ofSeconds(120));
            feeding.get(60, TimeUnit.SECONDS);
            return working.get(60, TimeUnit.SECONDS);
        } finally {
            load.shutdownNow();
        }
    }

    /** Every alert identity one incident: none lost, none doubled, none that no alert explains. */
    private static void checkIncidents(SoftAssertions softly, ScaleOutReport report, Set<String> expected) throws Exception {
        Map<String, Incident> incidents = db.alertIncidents();
        Map<String, List<String>> doubled = new TreeMap<>();
        Stream.of(incidents.values().stream().collect(Collectors.groupingBy(Incident::title)),
                incidents.values().stream().collect(Collectors.groupingBy(i -> "source_ref " + i.sourceRef())))
                .forEach(groups -> groups.forEach((key, of) -> {
                    if (of.size() > 1) {
                        doubled.put(key, of.stream().map(Incident::number).toList());
                    }
                }));
        List<String> lost = lost(expected, incidents);
        List<String> unexpected = incidents.values().stream().map(Incident::title).filter(t -> !expected.contains(t))
                .distinct().toList();
        report.figure("alert identities expected", expected.size());
        report.figure("incidents", incidents.size());
        report.figure("lost", lost.size());
        report.figure("doubled", doubled.size());
        report.figure("unexpected incidents", unexpected.size());
        report.detail("lost", lost);
        report.detail("doubled", doubled);
        report.detail("unexpected", unexpected);
        softly.assertThat(lost).as("alerts pushed that raised no incident").isEmpty();
        softly.assertThat(doubled).as("alert identities with more than one incident").isEmpty();
        softly.assertThat(unexpected).as("incidents no pushed alert explains").isEmpty();
    }

    /** The agent's calls went through, and its incidents are in the state it left them in. */
    private static void checkAgentWork(SoftAssertions softly, ScaleOutReport report, Agent.Work work) throws Exception {
        Map<String, Incident> incidents = db.alertIncidents();
        Map<String, String> wrongStatus = new TreeMap<>();
        work.stillResolved().forEach(n -> expectStatus(wrongStatus, incidents, n, "RESOLVED"));
        work.reopened().forEach(n -> expectStatus(wrongStatus, incidents, n, "IN_PROGRESS"));
        report.figure("resolved by the agent", work.resolved().size() + ", of which reopened " + work.reopened().size()
                + "; calls failed " + work.failures().size() + "; answers " + work.latency());
        report.detail("agent call failures", work.failures());
        report.detail("wrong status", wrongStatus);
        softly.assertThat(work.failures()).as("the agent's calls that failed").isEmpty();
        softly.assertThat(wrongStatus).as("incidents not in the state the agent left them in").isEmpty();
    }

    /** One active silence for each incident the agent resolved and left so; none active for those it reopened. */
    private static Set<String> checkSilences(SoftAssertions softly, ScaleOutReport report, Agent.Work work) throws Exception {
        Silences silences = Silences.of(am1.url());
        Map<String, String> notOne = silences.notExactlyOneActive(work.stillResolved());
        Map<String, String> reopenedButSilenced = silences.withAnActive(work.reopened());
        report.figure("silences in AM1", silences.count() + " (" + silences.active() + " active); wanted one active for each"
                + " of " + work.stillResolved().size() + " incidents, none for " + work.reopened().size() + " reopened");
        report.figure("incidents without exactly one active silence", notOne.size());
        report.figure("reopened incidents with an active silence", reopenedButSilenced.size());
        report.detail("resolved incidents without exactly one active silence", notOne);
        report.detail("reopened incidents with an active silence", reopenedButSilenced);
        softly.assertThat(notOne).as("incidents the agent resolved (and did not reopen) without exactly one silence in AM1,"
                + " active").isEmpty();
        softly.assertThat(reopenedButSilenced).as("reopened incidents whose alert is still silenced").isEmpty();
        Set<String> wrong = new TreeSet<>(notOne.keySet());
        wrong.addAll(reopenedButSilenced.keySet());
        return wrong;
    }

    /** The chat room got each incident's message once, and no message twice. */
    private static Set<String> checkChat(SoftAssertions softly, ScaleOutReport report) throws Exception {
        List<ChatRecorder.Message> messages = chat.messages();
        Map<String, Long> repeated = messages.stream().collect(Collectors.groupingBy(
                m -> m.ticket() + " " + m.event() + ": " + m.title(), TreeMap::new, Collectors.counting()));
        repeated.values().removeIf(times -> times == 1);
        Map<String, Integer> notOnce = new TreeMap<>();
        for (String number : db.alertIncidents().keySet()) {
            int sent = created(number).size();
            if (sent != 1) {
                notOnce.put(number, sent);
            }
        }
        List<String> unknown = messages.stream().filter(m -> m.ticket() == null || "unknown".equals(m.event()))
                .map(ChatRecorder.Message::title).toList();
        report.figure("notifications", messages.size() + " chat messages; incident-created not exactly once for "
                + notOnce.size() + " incidents; a message repeated for " + repeated.size());
        report.detail("incident-created not sent exactly once (incident: times)", notOnce);
        report.detail("chat messages repeated (ticket event: title: times)", repeated);
        Map<String, Integer> never = new TreeMap<>(notOnce);
        never.values().removeIf(times -> times > 0);
        softly.assertThat(never).as("incidents whose incident-created chat message was never sent (incident=times)")
                .isEmpty();
        // A chat robot has no idempotency key: a hub killed between the robot's answer and its own record of it
        // cannot know the message went out, so its redelivery sends it again. That can happen to the one message the
        // killed hub's notification worker had in hand, and to no other: more copies than kills is a bug.
        long extraCopies = repeated.values().stream().mapToLong(times -> times - 1).sum();
        softly.assertThat(extraCopies).as("chat messages sent twice (ticket event: title=times): %s; at most one per"
                + " SIGKILL is explained by the kill", repeated).isLessThanOrEqualTo(KILLS);
        softly.assertThat(unknown).as("chat messages of no known ticket event").isEmpty();
        return notOnce.keySet();
    }

    /** Each singleton timer ran, and never on two hubs at once. */
    private static void checkSingletonTimers(SoftAssertions softly, ScaleOutReport report) {
        List<Path> logs = hubLogs();
        SingletonRuns runs = SingletonRuns.parse(logs);
        List<SingletonRuns.Overlap> overlaps = runs.overlaps();
        report.figure("singleton runs", runs.runs().size() + " " + runs.summary() + "; overlapping across hubs "
                + overlaps.size());
        report.detail("overlapping singleton runs", overlaps);
        softly.assertThat(runs.runs()).as("singleton timer runs logged by the hubs (logger io.itsmhub.hub.leader, lines"
                + " 'singleton-run name=… hub=… start=… end=…'): none found in %s, so the hubs do not log (or do not run)"
                + " their timers under a leader yet", logs).isNotEmpty();
        softly.assertThat(overlaps).as("singleton timer runs on two hubs at the same time").isEmpty();
    }

    /** What the database says about the incidents that went wrong, which is gone once the test's PostgreSQL stops. */
    private static void evidence(ScaleOutReport report, Set<String> wentWrong, Set<String> outboxErrors) throws Exception {
        Map<String, Object> evidence = new TreeMap<>();
        for (String number : wentWrong.stream().limit(10).toList()) {
            evidence.put(number, Map.of("journal", db.journal(number), "outbox events", db.outboxEvents(number)));
        }
        report.detail("journal and outbox events of the incidents above (10 at most)", evidence);
        report.detail("errors the outbox events carried while the test ran", outboxErrors.stream().limit(40).toList());
        report.detail("logs", Stream.concat(hubLogs().stream().map(p -> OUT.toAbsolutePath().relativize(p).toString()),
                Stream.of("am1.log", "am2.log")).toList());
    }

    // --- helpers ---

    /** Waits for {@code condition}; a timeout is noted, not thrown, so that every check still runs and reports. */
    private static void settle(List<String> unsettled, String what, Duration atMost, Callable<Boolean> condition) {
        try {
            await(what).atMost(atMost).pollInterval(Duration.ofMillis(500)).until(condition);
        } catch (ConditionTimeoutException e) {
            unsettled.add(what + " (within " + atMost.toSeconds() + " s)");
        }
    }

    private static void expectStatus(Map<String, String> wrong, Map<String, Incident> incidents, String number, String status) {
        Incident incident = incidents.get(number);
        if (incident == null || !incident.status().equals(status)) {
            wrong.put(number, "expected " + status + ", is " + (incident == null ? "missing" : incident.status()));
        }
    }

    private static List<String> lost(Set<String> expectedTitles, Map<String, Incident> incidents) {
        Set<String> raised = incidents.values().stream().map(Incident::title).collect(Collectors.toSet());
        return expectedTitles.stream().filter(t -> !raised.contains(t)).toList();
    }

    private static List<ChatRecorder.Message> created(String number) {
        return chat.messages().stream().filter(m -> number.equals(m.ticket()) && "incident-created".equals(m.event())).toList();
    }

    /** The hubs' delivery backlog as an operator reads it: {@code PENDING} and {@code PARKED}. */
    private static JsonNode backlog(HubApi admin) throws IOException {
        Answer answer = admin.get("/api/v1/integrations/backlog");
        if (!answer.ok()) {
            throw new IllegalStateException("GET /api/v1/integrations/backlog: " + answer);
        }
        return JSON.readTree(answer.body());
    }

    private static List<Path> hubLogs() {
        return hubs.stream().flatMap(h -> h.logs().stream()).toList();
    }

    /** Webhook posts a hub answered 404 because its routes were not up yet (Spring MVC logs each one). */
    private static long webhooksRefusedWhileStarting(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("No mapping for POST /webhooks/alertmanager")).count();
        } catch (IOException e) {
            return -1;
        }
    }

    // --- the hubs' configuration ---

    private static Map<String, String> hubEnvironment() {
        return Map.of(
                "SPRING_PROFILES_ACTIVE", "postgres",
                "HUB_DB_URL", databaseUrl,
                "HUB_DB_USER", "postgres",
                "HUB_DB_PASSWORD", "",
                "HUB_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "HUB_ALERTMANAGER_WEBHOOK_TOKEN", TOKEN,
                // silences are set in AM1; the pair is not clustered, so AM1 is where the test looks for them
                "HUB_ALERTMANAGER_URL", am1.url().toString(),
                "HUB_DEMO_ENABLED", "false");
    }

    private static List<String> hubArguments() {
        return List.of(
                "--hub.demo.enabled=false",
                // timers run often, so that two hubs would run one at the same time if nothing stopped them
                "--hub.sla.check-interval=500",
                "--hub.requests.escalation-check=1s",
                // a killed hub's claims come back after this (live hubs renew theirs while they work), and its timers
                // move to another hub within the leader lease
                "--hub.outbox.lease=PT15S",
                "--hub.leader.lease=PT5S",
                "--hub.chat.slack.webhook-url=" + chat.webhookUrl(),
                // the only notification rule: every incident is posted to the chat room, once
                "--hub.notifications.rules[0].event=incident-created",
                "--hub.notifications.rules[0].channels[0]=slack",
                // the singleton-run lines, whether the hub logs them at INFO or DEBUG
                "--logging.level.io.itsmhub.hub.leader=DEBUG");
    }

    private static void resetOutputDirectory() throws IOException {
        if (Files.exists(OUT)) {
            try (Stream<Path> old = Files.walk(OUT)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(OUT);
    }

    private static void writeQuietly(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            System.err.println("cannot write " + file + ": " + e);
        }
    }

    private static long seconds(long sinceNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sinceNanos);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
