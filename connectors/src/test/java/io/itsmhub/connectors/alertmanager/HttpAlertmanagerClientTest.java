package io.itsmhub.connectors.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.itsmhub.connectors.ConnectorException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Against a real Alertmanager 0.25 (Debian's package); skipped where it is not installed. */
class HttpAlertmanagerClientTest {

    private static final Duration AWAIT = Duration.ofSeconds(10);

    private static AlertmanagerProcess alertmanager;
    private static AlertmanagerClient client;

    @BeforeAll
    static void startAlertmanager() {
        assumeTrue(AlertmanagerProcess.installed(), AlertmanagerProcess.BINARY + " is not installed");
        alertmanager = AlertmanagerProcess.start();
        client = new HttpAlertmanagerClient(AlertmanagerSettings.of(alertmanager.url()));
    }

    @AfterAll
    static void stopAlertmanager() {
        if (alertmanager != null) {
            alertmanager.close();
        }
    }

    @Test
    void aSilenceSuppressesTheAlertUntilItIsExpired() {
        Map<String, String> labels = Map.of("alertname", unique("DiskFull"), "instance", "db-1:9100");
        client.postAlerts(List.of(alert(labels)));
        await().atMost(AWAIT).untilAsserted(() -> assertThat(theOnly(labels).state()).isEqualTo(AlertState.ACTIVE));

        String id = client.createSilence(labels, Instant.now(), Instant.now().plus(Duration.ofHours(1)),
                "itsm-hub", "INC-000001 is being worked on");

        await().atMost(AWAIT).untilAsserted(() -> assertThat(theOnly(labels)).satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(AlertState.SUPPRESSED);
            assertThat(alert.silencedBy()).contains(id);
        }));

        client.expireSilence(id);
        await().atMost(AWAIT).untilAsserted(() -> assertThat(theOnly(labels)).satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(AlertState.ACTIVE);
            assertThat(alert.silencedBy()).doesNotContain(id);
        }));
        assertThatNoException().as("expiring twice").isThrownBy(() -> client.expireSilence(id));
    }

    @Test
    void aSilenceIsFoundByItsMatchersWithWhoMadeItAndWhyUntilItIsExpired() {
        Map<String, String> labels = Map.of("alertname", unique("Lookup"), "instance", "db-2:9100");
        String id = client.createSilence(labels, Instant.now(), Instant.now().plus(Duration.ofHours(1)),
                "itsm-hub", "Resolved in INC-000042");
        client.createSilence(Map.of("alertname", unique("Other")), Instant.now(), Instant.now().plus(Duration.ofHours(1)),
                "someone", "unrelated");

        assertThat(client.silences(labels)).singleElement().satisfies(silence -> {
            assertThat(silence.id()).isEqualTo(id);
            assertThat(silence.isActive()).isTrue();
            assertThat(silence.createdBy()).isEqualTo("itsm-hub");
            assertThat(silence.comment()).isEqualTo("Resolved in INC-000042");
            assertThat(silence.equalMatchers()).isEqualTo(labels);
        });
        client.expireSilence(id);
        assertThat(client.silences(labels)).singleElement().satisfies(silence -> assertThat(silence.isActive()).isFalse());
    }

    @Test
    void expiringASilenceAlertmanagerNeverHadSucceeds() {
        // Alertmanager 0.25 answers 500 "silence not found" here; the hub's retry must still settle.
        assertThatNoException().isThrownBy(() -> client.expireSilence(UUID.randomUUID().toString()));
    }

    @Test
    void anAlertPostedWithEndsAtNowIsResolved() {
        Map<String, String> labels = Map.of("alertname", unique("Flapping"));
        client.postAlerts(List.of(alert(labels)));
        await().atMost(AWAIT).until(() -> client.alerts(labels), alerts -> alerts.size() == 1);

        client.postAlerts(List.of(Map.of("labels", labels, "endsAt", Instant.now())));

        await().atMost(AWAIT).until(() -> client.alerts(labels), List::isEmpty);
    }

    @ParameterizedTest(name = "value {0}")
    @ValueSource(strings = {"plain", "with \"quotes\"", "back\\slash", "trailing\\", "a,b=c", "{braces}",
            "  spaced  ", "two\nlines", "ünïcødé ✓", "=~!~"})
    void theFilterMatchesLabelValuesExactly(String value) {
        String alertname = unique("Tricky");
        Map<String, String> labels = Map.of("alertname", alertname, "value", value);
        client.postAlerts(List.of(alert(labels), alert(Map.of("alertname", alertname, "value", value + "x"))));

        await().atMost(AWAIT).untilAsserted(() -> assertThat(client.alerts(labels))
                .singleElement().extracting(AlertState::labels).isEqualTo(labels));
    }

    static Stream<Arguments> invalidSilences() {
        Instant now = Instant.now();
        Map<String, String> ok = Map.of("alertname", "Any");
        return Stream.of(
                Arguments.of("ends before it starts", ok, now.plusSeconds(3600), now,
                        "start time must be before end time"),
                Arguments.of("no matchers", Map.of(), now, now.plusSeconds(3600),
                        "matchers in body should have at least 1 items"),
                Arguments.of("ends in the past", ok, now.minusSeconds(7200), now.minusSeconds(3600),
                        "end time can't be in the past"),
                Arguments.of("invalid label name", Map.of("1bad", "x"), now, now.plusSeconds(3600),
                        "invalid label name"),
                Arguments.of("matches everything", Map.of("alertname", ""), now, now.plusSeconds(3600),
                        "at least one matcher must not match the empty string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSilences")
    void anInvalidSilenceIsAPermanentFailureWithAlertmanagersReason(String name, Map<String, String> matchers,
            Instant startsAt, Instant endsAt, String reason) {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> client.createSilence(matchers, startsAt, endsAt, "itsm-hub", name));

        assertThat(e).isNotNull();
        assertThat(e.retryable()).isFalse();
        assertThat(e.system()).isEqualTo("alertmanager");
        assertThat(e.getMessage()).contains(reason);
    }

    static Stream<Arguments> otherRejections() {
        return Stream.of(
                Arguments.of(Named.<Consumer<AlertmanagerClient>>of("expire a malformed id",
                        c -> c.expireSilence("not-a-uuid")), "silenceID in path must be of type uuid"),
                Arguments.of(Named.<Consumer<AlertmanagerClient>>of("post an alert without labels",
                        c -> c.postAlerts(List.of(Map.of("labels", Map.of())))), "at least one label pair required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherRejections")
    void rejectedRequestsArePermanentFailures(Consumer<AlertmanagerClient> call, String reason) {
        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> call.accept(client));

        assertThat(e).isNotNull();
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains(reason);
    }

    private static AlertState theOnly(Map<String, String> labels) {
        List<AlertState> alerts = client.alerts(labels);
        assertThat(alerts).as("alerts matching %s", labels).hasSize(1);
        return alerts.get(0);
    }

    private static Map<String, Object> alert(Map<String, String> labels) {
        return Map.of("labels", labels, "annotations", Map.of("summary", "test alert"),
                "generatorURL", "http://prometheus.test/graph");
    }

    /** Every test its own alertname: the class shares one Alertmanager. */
    private static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }
}
