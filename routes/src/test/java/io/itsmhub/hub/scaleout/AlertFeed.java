package io.itsmhub.hub.scaleout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * The monitoring side of the test: what an HA pair of Prometheus servers posts to the Alertmanager pair, and webhook
 * deliveries replayed straight to every hub at once (as several Alertmanagers, or one retrying through a balancer,
 * would send them). Each alert has a title of its own, which becomes its incident's title.
 */
final class AlertFeed {

    static final int ALERT_NAMES = 10;
    /** How the title of every alert posted to the Alertmanagers begins. */
    static final String TITLE_PREFIX = "ScaleOut probe failing on node-";

    private final List<URI> alertmanagers;
    private final List<HubProcess> hubs;
    private final String webhookToken;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** When each alert first fired: a re-post keeps it, as Prometheus keeps an active alert's start. */
    private final Map<Integer, Instant> startedAt = new ConcurrentHashMap<>();
    private final AtomicInteger alertsPosted = new AtomicInteger();
    private final AtomicInteger replaysAccepted = new AtomicInteger();
    /** Replayed alert → how many of its deliveries a hub took. */
    private final Map<Integer, Integer> replaysTaken = new ConcurrentHashMap<>();

    AlertFeed(List<URI> alertmanagers, List<HubProcess> hubs, String webhookToken) {
        this.alertmanagers = List.copyOf(alertmanagers);
        this.hubs = List.copyOf(hubs);
        this.webhookToken = webhookToken;
    }

    /** The incident title alert {@code i} raises (its {@code summary}). */
    static String title(int i) {
        return TITLE_PREFIX + "%03d".formatted(i);
    }

    /** The incident title replayed alert {@code r} raises. */
    static String replayTitle(int r) {
        return "ScaleOut replayed probe failing on replay-%03d".formatted(r);
    }

    /**
     * Alerts 0 to {@code alerts} to both Alertmanagers in batches, one every {@code pace}, each batch followed by one
     * replayed alert straight to every hub; then everything once more, as Prometheus re-sends active alerts at each
     * evaluation and an Alertmanager retries a delivery.
     */
    void run(int alerts, int batch, Duration pace) {
        int batches = (alerts + batch - 1) / batch;
        for (int b = 0; b < batches; b++) {
            long next = System.nanoTime() + pace.toNanos();
            postToAlertmanagers(b * batch, Math.min(alerts, (b + 1) * batch));
            replayToEveryHub(b);
            // pacing the load, not waiting for a result: the test's waits are on conditions
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
        postToAlertmanagers(0, alerts);
        for (int r = 0; r < batches; r++) {
            replayToEveryHub(r);
        }
    }

    /** The incident titles the alerts fed so far must raise: every alert's, and every replay some hub took. */
    Set<String> expectedTitles(int alerts) {
        Set<String> titles = new TreeSet<>();
        IntStream.range(0, alerts).mapToObj(AlertFeed::title).forEach(titles::add);
        replaysTaken.forEach((r, taken) -> {
            if (taken > 0) {
                titles.add(replayTitle(r));
            }
        });
        return titles;
    }

    /** Posts alerts {@code from} (inclusive) to {@code to} (exclusive) to every Alertmanager, as an HA pair does. */
    private void postToAlertmanagers(int from, int to) {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            alerts.add(alert(i));
        }
        String body = write(alerts);
        for (URI alertmanager : alertmanagers) {
            HttpRequest request = HttpRequest.newBuilder(alertmanager.resolve("/api/v2/alerts"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> answer = send(request);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Alertmanager " + alertmanager + " refused alerts: HTTP "
                        + answer.statusCode() + " " + answer.body());
            }
            alertsPosted.addAndGet(alerts.size());
        }
    }

    /**
     * Delivers replayed alert {@code r} to every hub at the same moment, so that the hubs race on one new alert;
     * returns how many hubs took it (200). A hub that is down just misses it.
     */
    private int replayToEveryHub(int r) {
        String payload = webhook(r);
        List<CompletableFuture<Integer>> answers = hubs.stream().map(hub -> http.sendAsync(
                        HttpRequest.newBuilder(hub.url().resolve("/webhooks/alertmanager")).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + webhookToken)
                                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode).exceptionally(down -> -1)).toList();
        int taken = (int) answers.stream().map(CompletableFuture::join).filter(status -> status == 200).count();
        replaysAccepted.addAndGet(taken);
        replaysTaken.merge(r, taken, Integer::sum);
        return taken;
    }

    /** Alert posts the Alertmanagers accepted (each alert counted once per Alertmanager and post). */
    int alertsPosted() {
        return alertsPosted.get();
    }

    /** Distinct replayed alerts at least one hub took. */
    long replayed() {
        return replaysTaken.values().stream().filter(taken -> taken > 0).count();
    }

    /** Replayed deliveries the hubs answered 200 to. */
    int replaysAccepted() {
        return replaysAccepted.get();
    }

    private Map<String, Object> alert(int i) {
        Instant start = startedAt.computeIfAbsent(i, k -> Instant.now().truncatedTo(ChronoUnit.MILLIS));
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("labels", Map.of("alertname", "ScaleOutProbe" + (i % ALERT_NAMES), "instance", "node-%03d:9100".formatted(i),
                "severity", "warning", "job", "scaleout"));
        alert.put("annotations", Map.of("summary", title(i)));
        alert.put("startsAt", start.toString());
        // well past the test: no alert resolves on its own while the test runs
        alert.put("endsAt", start.plus(Duration.ofHours(1)).toString());
        alert.put("generatorURL", "http://prometheus:9090/graph");
        return alert;
    }

    /** A webhook as Alertmanager 0.25 sends it; the fingerprint is the alert's identity in the hub. */
    private String webhook(int r) {
        String labels = "{\"alertname\":\"ScaleOutReplay\",\"instance\":\"replay-%03d:9100\",\"severity\":\"warning\"}"
                .formatted(r);
        return """
                {"receiver":"hub","status":"firing","alerts":[{"status":"firing","labels":%1$s,
                 "annotations":{"summary":"%2$s"},"startsAt":"2026-11-24T10:00:00.000Z",
                 "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/graph",
                 "fingerprint":"5ca1e0ff%3$08x"}],
                 "groupLabels":{"alertname":"ScaleOutReplay"},"commonLabels":%1$s,"commonAnnotations":{},
                 "externalURL":"http://alertmanager:9093","version":"4","groupKey":"{}:{alertname=\\"ScaleOutReplay\\"}",
                 "truncatedAlerts":0}""".formatted(labels, replayTitle(r), r);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
