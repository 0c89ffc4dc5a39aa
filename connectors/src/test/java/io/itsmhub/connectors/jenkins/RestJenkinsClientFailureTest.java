package io.itsmhub.connectors.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.itsmhub.connectors.ConnectorException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crumbs, credentials, permissions and dead peers: a fresh {@link JenkinsSimulator} per test, since these tests
 * switch it about.
 */
class RestJenkinsClientFailureTest {

    private static final Duration AWAIT = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofMillis(700);
    private static final String JOB = "payments/deploy-prod";

    private JenkinsSimulator jenkins;

    @BeforeEach
    void startJenkins() {
        jenkins = new JenkinsSimulator().start();
        jenkins.job(JOB).parameters("VERSION");
    }

    @AfterEach
    void stopJenkins() {
        jenkins.close();
    }

    @ParameterizedTest(name = "crumb issuer on: {0}")
    @ValueSource(booleans = {true, false})
    void triggerStopAndCancelWorkWithTheCrumbIssuerOnAndOff(boolean crumbs) {
        jenkins.crumbIssuer(crumbs);
        jenkins.job(JOB).holdRunning();
        try (RestJenkinsClient client = new RestJenkinsClient(jenkins.settings())) {
            QueuedBuild first = client.trigger(JOB, Map.of("VERSION", "1"));
            int number = await().atMost(AWAIT).until(() -> client.queueItem(first.queueId()), QueueItemState::started)
                    .buildNumber();
            client.stop(JOB, number);
            jenkins.job(JOB).holdInQueue();
            QueuedBuild second = client.trigger(JOB, Map.of("VERSION", "2"));
            client.cancelQueueItem(second.queueId());

            assertThat(client.build(JOB, number).result()).isEqualTo("ABORTED");
            assertThat(client.queueItem(second.queueId()).cancelled()).isTrue();
            assertThat(jenkins.requests()).as("one crumb request for all POSTs")
                    .filteredOn(r -> r.startsWith("GET /crumbIssuer/")).hasSize(1);
        }
    }

    @Test
    void aCrumbIssuerSwitchedOnLaterIsPickedUp() {
        jenkins.crumbIssuer(false);
        try (RestJenkinsClient client = new RestJenkinsClient(jenkins.settings())) {
            client.trigger(JOB, Map.of("VERSION", "1"));
            jenkins.crumbIssuer(true);

            client.trigger(JOB, Map.of("VERSION", "2"));

            assertThat(jenkins.triggers(JOB)).filteredOn(SimulatedJob.Trigger::queued).hasSize(2);
        }
    }

    @Test
    void aCrumbJenkinsNoLongerAcceptsIsReplacedAndTheTriggerGoesThroughOnce() {
        try (RestJenkinsClient client = new RestJenkinsClient(jenkins.settings())) {
            client.trigger(JOB, Map.of("VERSION", "1"));
            jenkins.invalidateCrumbs(); // as a Jenkins restart does

            client.trigger(JOB, Map.of("VERSION", "2"));

            assertThat(jenkins.triggers(JOB)).extracting(t -> t.parameters().get("VERSION")).containsExactly("1", "2");
        }
    }

    @Test
    void aJenkinsStillStartingUpIsRetryableAndDoesNotSpoilLaterTriggers() {
        try (RestJenkinsClient client = new RestJenkinsClient(jenkins.settings())) {
            jenkins.unavailable(true);

            ConnectorException e = catchThrowableOfType(ConnectorException.class,
                    () -> client.trigger(JOB, Map.of("VERSION", "1")));
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("'" + JOB + "'").contains("503");

            jenkins.unavailable(false);
            QueuedBuild queued = client.trigger(JOB, Map.of("VERSION", "1"));
            assertThat(jenkins.triggers(JOB)).singleElement()
                    .satisfies(t -> assertThat(t.queueId()).isEqualTo(queued.queueId()));
        }
    }

    static Stream<Arguments> calls() {
        return Stream.of(
                call("trigger", c -> c.trigger(JOB, Map.of("VERSION", "1"))),
                call("trigger without parameters", c -> c.trigger("smoke", Map.of())),
                call("queue item", c -> c.queueItem(1)),
                call("build", c -> c.build(JOB, 1)),
                call("stop", c -> c.stop(JOB, 1)),
                call("cancel", c -> c.cancelQueueItem(1)),
                call("find", c -> c.findByParameter(JOB, "VERSION", "1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void aWrongTokenIsPermanentAndTheMessageNamesTheUserButNotTheToken(Consumer<JenkinsClient> call) {
        for (boolean crumbs : new boolean[] {true, false}) {
            jenkins.crumbIssuer(crumbs);
            String token = "wr0ng-t0ken-" + crumbs;
            try (RestJenkinsClient client = new RestJenkinsClient(
                    JenkinsSettings.of(jenkins.url(), JenkinsSimulator.USER, token))) {

                ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> call.accept(client));

                assertThat(e.retryable()).as("crumbs %s", crumbs).isFalse();
                assertThat(e.getMessage()).as("crumbs %s", crumbs)
                        .contains("Jenkins refused the credentials of user 'hub' (401)")
                        .doesNotContain(token);
            }
        }
    }

    @Test
    void aTokenRevokedAfterTheCrumbWasFetchedIsPermanent() {
        try (RestJenkinsClient client = new RestJenkinsClient(jenkins.settings())) {
            client.trigger(JOB, Map.of("VERSION", "1"));
            jenkins.user(JenkinsSimulator.USER, "a-new-token");

            ConnectorException e = catchThrowableOfType(ConnectorException.class,
                    () -> client.trigger(JOB, Map.of("VERSION", "2")));

            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("refused the credentials of user 'hub' (401)").contains("'" + JOB + "'");
        }
    }

    @Test
    void aUserWithoutBuildPermissionIsDeniedPermanently() {
        jenkins.readOnlyUser("auditor", "auditor-token");
        jenkins.job(JOB).holdInQueue();
        QueuedBuild queued;
        try (RestJenkinsClient builder = new RestJenkinsClient(jenkins.settings())) {
            queued = builder.trigger(JOB, Map.of("VERSION", "1"));
        }
        try (RestJenkinsClient client = new RestJenkinsClient(
                JenkinsSettings.of(jenkins.url(), "auditor", "auditor-token"))) {

            ConnectorException trigger = catchThrowableOfType(ConnectorException.class,
                    () -> client.trigger(JOB, Map.of("VERSION", "2")));
            ConnectorException cancel = catchThrowableOfType(ConnectorException.class,
                    () -> client.cancelQueueItem(queued.queueId()));

            assertThat(trigger.retryable()).isFalse();
            assertThat(trigger.getMessage()).contains("Jenkins denied user 'auditor' triggering job '" + JOB + "' (403)")
                    .contains("missing the Job/Build permission");
            assertThat(cancel.retryable()).isFalse();
            assertThat(cancel.getMessage()).contains("422").contains("'" + JOB + "'");
            assertThat(client.queueItem(queued.queueId()).cancelled()).isFalse();
        }
    }

    /** refused: nothing listens. silent: the kernel accepts the connection, nobody ever answers. */
    @ParameterizedTest(name = "{0} peer")
    @ValueSource(strings = {"refused", "silent"})
    void anUnreachableJenkinsIsRetryableWithinTheTimeout(String peer) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = socket.getLocalPort();
            if (peer.equals("refused")) {
                socket.close();
            }
            try (RestJenkinsClient client = new RestJenkinsClient(new JenkinsSettings(
                    URI.create("http://127.0.0.1:" + port), JenkinsSimulator.USER, JenkinsSimulator.API_TOKEN,
                    TIMEOUT, null, null))) {
                for (Arguments arguments : calls().toList()) {
                    @SuppressWarnings("unchecked")
                    Named<Consumer<JenkinsClient>> call = (Named<Consumer<JenkinsClient>>) arguments.get()[0];
                    long start = System.nanoTime();

                    ConnectorException e = catchThrowableOfType(ConnectorException.class,
                            () -> call.getPayload().accept(client));

                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    assertThat(e).as(call.getName()).isNotNull();
                    assertThat(e.retryable()).as(call.getName()).isTrue();
                    assertThat(e.getMessage()).as(call.getName()).contains("no answer from Jenkins at 127.0.0.1:" + port);
                    assertThat(took).as(call.getName()).isLessThan(TIMEOUT.multipliedBy(4));
                }
            }
        }
    }

    @Test
    void aReadThatTimesOutIsRetryable() {
        jenkins.job(JOB).holdInQueue().answerNextTriggerAfter(Duration.ofSeconds(5));
        try (RestJenkinsClient client = new RestJenkinsClient(new JenkinsSettings(jenkins.url(), JenkinsSimulator.USER,
                JenkinsSimulator.API_TOKEN, TIMEOUT, null, null))) {
            long start = System.nanoTime();

            ConnectorException e = catchThrowableOfType(ConnectorException.class,
                    () -> client.trigger(JOB, Map.of("VERSION", "1")));

            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).containsIgnoringCase("timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(4));
        }
    }

    private static Arguments call(String name, Consumer<JenkinsClient> call) {
        return Arguments.of(Named.of(name, call));
    }
}
