package io.itsmhub.connectors.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.itsmhub.connectors.ConnectorException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The happy paths and Jenkins' own answers (404s, 5xx, lost answers) against one {@link JenkinsSimulator} with the
 * crumb issuer on. Every test has its own jobs; failures of the connection and credentials are in
 * {@link RestJenkinsClientFailureTest}.
 */
class RestJenkinsClientTest {

    private static final Duration AWAIT = Duration.ofSeconds(10);
    private static final AtomicInteger JOBS = new AtomicInteger();

    private static JenkinsSimulator jenkins;
    private static RestJenkinsClient client;

    @BeforeAll
    static void startJenkins() {
        jenkins = new JenkinsSimulator().start();
        client = new RestJenkinsClient(jenkins.settings());
    }

    @AfterAll
    static void stopJenkins() {
        client.close();
        jenkins.close();
    }

    @Test
    void aTriggerAnswersTheQueueItemOfJenkinsLocationHeader() {
        String job = unique("payments/deploy-prod");
        jenkins.job(job).parameters("VERSION", "HUB_REQUEST").holdInQueue();

        QueuedBuild queued = client.trigger(job, Map.of("VERSION", "1.4.2", "HUB_REQUEST", "CHG-7"));

        assertThat(jenkins.triggers(job)).singleElement().satisfies(trigger -> {
            assertThat(trigger.queueId()).isEqualTo(queued.queueId());
            assertThat(trigger.parameters()).isEqualTo(Map.of("VERSION", "1.4.2", "HUB_REQUEST", "CHG-7"));
        });
        assertThat(queued.queueItemUrl()).isEqualTo(jenkins.url().resolve("queue/item/" + queued.queueId() + "/"));
        assertThat(client.queueItem(queued.queueId()).queueId()).isEqualTo(queued.queueId());
    }

    @Test
    void aTriggerWithoutParametersPostsToBuild() {
        String job = unique("smoke");
        jenkins.job(job);

        client.trigger(job, Map.of());

        assertThat(jenkins.requests()).contains("POST /job/" + job + "/build");
        await().atMost(AWAIT).until(() -> jenkins.job(job).buildCount() == 1);
    }

    @Test
    void parameterValuesArriveVerbatim() {
        String job = unique("tricky");
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("PLUS", "a+b c");
        parameters.put("AMP", "x&y=z");
        parameters.put("PERCENT", "100%20 ü/✓");
        parameters.put("LINES", "one\ntwo");
        parameters.put("EMPTY", "");
        jenkins.job(job).parameters(parameters.keySet().toArray(String[]::new)).holdInQueue();

        client.trigger(job, parameters);

        assertThat(jenkins.triggers(job)).singleElement()
                .satisfies(trigger -> assertThat(trigger.parameters()).isEqualTo(parameters));
    }

    @Test
    void aQueueItemWaitsWithJenkinsReasonThenStartsABuild() {
        String job = unique("payments/deploy-prod");
        jenkins.job(job).queueFor(Duration.ofMillis(800), "Waiting for next available executor");
        Instant before = Instant.now().minusMillis(1);

        QueuedBuild queued = client.trigger(job, Map.of());
        QueueItemState waiting = client.queueItem(queued.queueId());

        assertThat(waiting.started()).isFalse();
        assertThat(waiting.cancelled()).isFalse();
        assertThat(waiting.why()).isEqualTo("Waiting for next available executor");
        assertThat(waiting.buildNumber()).isNull();
        assertThat(waiting.inQueueSince()).isBetween(before, Instant.now());

        QueueItemState started = await().atMost(AWAIT).until(() -> client.queueItem(queued.queueId()),
                QueueItemState::started);
        assertThat(started.buildNumber()).isEqualTo(1);
        assertThat(started.buildUrl()).isEqualTo(jenkins.url().resolve("job/" + job.replace("/", "/job/") + "/1/"));
        assertThat(started.why()).isNull();
    }

    @Test
    void aBuildRunsWithJenkinsEstimateThenEndsWithItsResultAndDuration() {
        String job = unique("nightly");
        jenkins.job(job).runFor(Duration.ofMillis(700)).estimatedDuration(Duration.ofSeconds(90)).result("UNSTABLE");
        int number = startedBuild(job, Map.of());

        BuildState running = client.build(job, number);
        assertThat(running.building()).isTrue();
        assertThat(running.result()).isNull();
        assertThat(running.duration()).isNull();
        assertThat(running.estimatedDuration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(running.number()).isEqualTo(number);
        assertThat(running.startedAt()).isBefore(Instant.now().plusMillis(1));

        BuildState done = await().atMost(AWAIT).until(() -> client.build(job, number), b -> !b.building());
        assertThat(done.result()).isEqualTo("UNSTABLE");
        assertThat(done.duration()).isEqualTo(Duration.ofMillis(700));
        assertThat(done.startedAt()).isEqualTo(running.startedAt());
        assertThat(done.url()).isEqualTo(jenkins.url().resolve("job/" + job + "/" + number + "/"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"top-level", "payments/deploy-prod", "Team Ops/payments/deploy prod"})
    void jobsAtTheTopAndInNestedFoldersWithBlanks(String path) {
        String job = unique(path);
        jenkins.job(job).parameters("VERSION").holdRunning();

        int number = startedBuild(job, Map.of("VERSION", "2"));
        assertThat(client.build(job, number).url().getRawPath())
                .endsWith("/job/" + job.replace(" ", "%20").replace("/", "/job/") + "/" + number + "/");
        client.stop(job, number);

        assertThat(client.build(job, number).result()).isEqualTo("ABORTED");
    }

    @Test
    void stopAbortsARunningBuildAndStoppingAgainIsHarmless() {
        String job = unique("deploy");
        jenkins.job(job).holdRunning();
        int number = startedBuild(job, Map.of());

        client.stop(job, number);

        BuildState stopped = await().atMost(AWAIT).until(() -> client.build(job, number), b -> !b.building());
        assertThat(stopped.result()).isEqualTo("ABORTED");
        assertThatNoException().isThrownBy(() -> client.stop(job, number));
        assertThat(client.build(job, number).result()).isEqualTo("ABORTED");
    }

    @Test
    void cancellingAWaitingItemMeansItNeverBuilds() {
        String job = unique("deploy");
        jenkins.job(job).holdInQueue();
        QueuedBuild queued = client.trigger(job, Map.of());

        client.cancelQueueItem(queued.queueId());

        assertThat(client.queueItem(queued.queueId())).satisfies(item -> {
            assertThat(item.cancelled()).isTrue();
            assertThat(item.started()).isFalse();
        });
        jenkins.job(job).release();
        assertThat(jenkins.job(job).buildCount()).isZero();
        assertThatNoException().as("cancelling twice").isThrownBy(() -> client.cancelQueueItem(queued.queueId()));
    }

    @Test
    void cancellingAnItemThatAlreadyStartedIsPermanentAndNamesTheBuild() {
        String job = unique("payments/deploy-prod");
        jenkins.job(job).holdRunning();
        QueuedBuild queued = client.trigger(job, Map.of());
        await().atMost(AWAIT).until(() -> client.queueItem(queued.queueId()).started());

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> client.cancelQueueItem(queued.queueId()));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("already started build #1").contains("'" + job + "'");
        assertThat(client.build(job, 1).building()).isTrue();
    }

    @Test
    void findByParameterFindsTheQueuedItemThenTheBuildAndNothingElse() {
        String job = unique("payments/deploy");
        String otherJob = unique("billing/deploy"); // same short name, other folder
        jenkins.job(job).parameters("HUB_REQUEST").holdInQueue();
        jenkins.job(otherJob).parameters("HUB_REQUEST").holdInQueue();
        client.trigger(otherJob, Map.of("HUB_REQUEST", "CHG-2"));
        QueuedBuild queued = client.trigger(job, Map.of("HUB_REQUEST", "CHG-1"));

        assertThat(client.findByParameter(job, "HUB_REQUEST", "CHG-1"))
                .contains(new FoundBuild(queued.queueId(), null, queued.queueItemUrl()));
        assertThat(client.findByParameter(job, "HUB_REQUEST", "CHG-2")).isEmpty();

        jenkins.job(job).release();
        Optional<FoundBuild> started = await().atMost(AWAIT)
                .until(() -> client.findByParameter(job, "HUB_REQUEST", "CHG-1"), f -> f.isPresent() && f.get().queueId() == null);
        assertThat(started.get().buildNumber()).isEqualTo(1);
        assertThat(started.get().url()).isEqualTo(client.build(job, 1).url());
        assertThat(client.findByParameter(job, "HUB_REQUEST", "CHG-3")).isEmpty();
        assertThat(client.findByParameter(job, "OTHER", "CHG-1")).isEmpty();
    }

    @Test
    void findByParameterLooksAtTheTwentyMostRecentBuildsOnly() {
        String job = unique("busy");
        jenkins.job(job).parameters("N").runFor(Duration.ZERO);
        for (int n = 1; n <= 21; n++) {
            client.trigger(job, Map.of("N", "n" + n));
        }
        await().atMost(AWAIT).until(() -> jenkins.job(job).buildCount() == 21);

        assertThat(client.findByParameter(job, "N", "n2")).map(FoundBuild::buildNumber).contains(2);
        assertThat(client.findByParameter(job, "N", "n1")).isEmpty();
    }

    @Test
    void aParameterTheJobDoesNotDeclareIsDroppedByJenkinsSoCannotBeFound() {
        String job = unique("undeclared");
        jenkins.job(job).parameters("VERSION").holdInQueue();

        client.trigger(job, Map.of("VERSION", "1", "HUB_REQUEST", "CHG-9"));

        assertThat(client.findByParameter(job, "HUB_REQUEST", "CHG-9")).isEmpty();
        assertThat(client.findByParameter(job, "VERSION", "1")).isPresent();
    }

    @ParameterizedTest(name = "value \"{0}\"")
    @ValueSource(strings = {"a=b", "two\nlines", " padded", ""})
    void findByParameterRefusesValuesJenkinsQueueCannotReportIntact(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> client.findByParameter("any", "HUB_REQUEST", value));
    }

    @Test
    void anUnknownJobIsPermanentAndNamed() {
        String job = unique("payments/no-such-job");

        for (Executable call : new Executable[] {
                () -> client.trigger(job, Map.of("VERSION", "1")),
                () -> client.trigger(job, Map.of()),
                () -> client.build(job, 1),
                () -> client.stop(job, 1),
                () -> client.findByParameter(job, "HUB_REQUEST", "CHG-1")}) {
            ConnectorException e = catchThrowableOfType(ConnectorException.class, call::execute);
            assertThat(e.retryable()).isFalse();
            assertThat(e.system()).isEqualTo("jenkins");
            assertThat(e.getMessage()).contains("no Jenkins job '" + job + "' (404)");
        }
    }

    @Test
    void anUnknownBuildOfAKnownJobIsPermanentAndSaysSo() {
        String job = unique("deploy");
        jenkins.job(job);

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> client.build(job, 42));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("Jenkins job '" + job + "' has no build #42 (404)");
    }

    @Test
    void anUnknownQueueItemIsGone() {
        for (Executable call : new Executable[] {() -> client.queueItem(987654), () -> client.cancelQueueItem(987654)}) {
            ConnectorException e = catchThrowableOfType(ConnectorException.class, call::execute);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("queue item 987654 is gone");
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 503, 429})
    void aFailingTriggerIsRetryableAndQueuesNothing(int status) {
        String job = unique("payments/deploy-prod");
        jenkins.job(job).parameters("VERSION").failNextTriggers(1, status);

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> client.trigger(job, Map.of("VERSION", "1")));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("'" + job + "'").contains("HTTP " + status);
        assertThat(jenkins.triggers(job)).as("no hidden retry").hasSize(1);
        client.trigger(job, Map.of("VERSION", "1"));
        await().atMost(AWAIT).until(() -> jenkins.job(job).buildCount() == 1);
    }

    @Test
    void aTriggerWhoseAnswerIsLostIsRetryableAndTheBuildCanBeAdopted() {
        String job = unique("payments/deploy-prod");
        jenkins.job(job).parameters("HUB_REQUEST").holdInQueue().answerNextTriggerAfter(Duration.ofSeconds(3));
        Duration timeout = Duration.ofMillis(500);
        try (RestJenkinsClient impatient = new RestJenkinsClient(
                new JenkinsSettings(jenkins.url(), JenkinsSimulator.USER, JenkinsSimulator.API_TOKEN, timeout, null, null))) {
            long start = System.nanoTime();
            ConnectorException e = catchThrowableOfType(ConnectorException.class,
                    () -> impatient.trigger(job, Map.of("HUB_REQUEST", "CHG-42")));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("'" + job + "'").contains("no answer");
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            Optional<FoundBuild> adopted = impatient.findByParameter(job, "HUB_REQUEST", "CHG-42");
            assertThat(adopted).isPresent();
            assertThat(adopted.get().queueId()).isEqualTo(jenkins.triggers(job).get(0).queueId());
            assertThat(jenkins.triggers(job)).as("exactly one trigger reached Jenkins").hasSize(1);
        }
    }

    @Test
    void aJenkinsUnderAPathPrefixWorks() {
        try (JenkinsSimulator prefixed = new JenkinsSimulator("/jenkins").start();
                RestJenkinsClient prefixedClient = new RestJenkinsClient(prefixed.settings())) {
            prefixed.job("ops/deploy").parameters("HUB_REQUEST").holdInQueue();

            QueuedBuild queued = prefixedClient.trigger("ops/deploy", Map.of("HUB_REQUEST", "CHG-5"));

            assertThat(queued.queueItemUrl()).isEqualTo(URI.create(prefixed.url() + "queue/item/" + queued.queueId() + "/"));
            assertThat(prefixed.url().getPath()).isEqualTo("/jenkins/");
            assertThat(prefixedClient.findByParameter("ops/deploy", "HUB_REQUEST", "CHG-5")).isPresent();
        }
    }

    /** Triggers and waits until the build runs; its number. */
    private static int startedBuild(String job, Map<String, String> parameters) {
        QueuedBuild queued = client.trigger(job, parameters);
        return await().atMost(AWAIT).until(() -> client.queueItem(queued.queueId()), QueueItemState::started)
                .buildNumber();
    }

    private static String unique(String path) {
        return path + "-" + JOBS.incrementAndGet();
    }
}
