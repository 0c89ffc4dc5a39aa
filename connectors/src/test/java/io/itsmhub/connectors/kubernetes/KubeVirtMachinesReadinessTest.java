package io.itsmhub.connectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.itsmhub.connectors.ConnectorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code awaitReady}: watching VMs become ready, fail or stall in {@link KubeVirtSimulator}. */
class KubeVirtMachinesReadinessTest {

    private static final Duration READY_AFTER = Duration.ofMillis(1500);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private KubeVirtSimulator kubevirt;
    private KubeVirtMachines machines;

    @BeforeEach
    void start() {
        kubevirt = KubeVirtSimulator.start().readyAfter(READY_AFTER);
        machines = new KubeVirtMachines(kubevirt.settings());
    }

    @AfterEach
    void stop() {
        machines.close();
        kubevirt.close();
    }

    @Test
    void waitsForAllVmsReportsProgressAndReturnsTheirAddresses() {
        List<String> names = ensure("REQ-000012", 3);
        List<String> progress = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();

        List<VmState> states = machines.awaitReady(names, TIMEOUT, (ready, total) -> progress.add(ready + "/" + total));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(states).extracting(VmState::name).containsExactlyElementsOf(names);
        assertThat(states).allSatisfy(state -> {
            assertThat(state.ready()).isTrue();
            assertThat(state.printableStatus()).isEqualTo("Running");
            assertThat(state.ip()).matches("10\\.0\\.\\d+\\.\\d+");
            assertThat(state.failure()).isNull();
        });
        assertThat(states).extracting(VmState::ip).doesNotHaveDuplicates();
        assertThat(progress).first().isEqualTo("0/3");
        assertThat(progress).last().isEqualTo("3/3");
        assertThat(progress).as("reported when the count changes, not on every event").doesNotHaveDuplicates();
        // Woken by the watch, not by a poll interval or the timeout: far sooner than the 30 s allowed.
        assertThat(took).isLessThan(READY_AFTER.plusSeconds(5));
    }

    @Test
    void vmsReadyAlreadyAreReturnedAtOnce() {
        kubevirt.readyAfter(Duration.ZERO);
        List<String> names = ensure("REQ-000012", 2);
        machines.awaitReady(names, TIMEOUT, null);
        List<String> progress = new CopyOnWriteArrayList<>();

        List<VmState> again = machines.awaitReady(names, TIMEOUT, (ready, total) -> progress.add(ready + "/" + total));

        assertThat(again).allMatch(VmState::ready);
        assertThat(progress).containsExactly("2/2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ErrorUnschedulable | 0/3 nodes are available: 3 Insufficient memory.",
            "ErrorImagePull     | rpc error: code = NotFound desc = quay.io/containerdisks/debian:12: not found",
            "CrashLoopBackOff   | back-off 5m0s restarting failed container=compute"})
    void aFailedVmFailsTheWaitPermanentlyWithItsStatusAndReason(String status, String reason) {
        kubevirt.failNext(1, status, reason);
        List<String> names = ensure("REQ-000012", 2);

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> machines.awaitReady(names, TIMEOUT, null));

        assertThat(e.retryable()).isFalse();
        assertThat(e.system()).isEqualTo("kubernetes");
        assertThat(e).hasMessageContaining("req-000012-1").hasMessageContaining(status).hasMessageContaining(reason)
                .hasMessageNotContaining("req-000012-2");
        VmState failed = machines.forRequest("REQ-000012").get(0);
        assertThat(failed.printableStatus()).isEqualTo(status);
        assertThat(failed.failure()).isEqualTo(reason);
        assertThat(failed.ready()).isFalse();
    }

    @Test
    void aStalledVmTimesOutRetryablyNamingTheVmsNotReady() {
        kubevirt.readyAfter(Duration.ZERO);
        machines.awaitReady(ensure("REQ-000012", 1), TIMEOUT, null);
        kubevirt.stall();
        machines.ensure(VmSpec.of("req-000012-2", "REQ-000012", 1, 2, 10, "debian-12"));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> machines.awaitReady(List.of("req-000012-1", "req-000012-2", "req-000012-3"),
                        Duration.ofMillis(1500), null));

        assertThat(e.retryable()).isTrue();
        assertThat(e).hasMessageContaining("req-000012-2 (Starting)")
                .hasMessageContaining("req-000012-3 (not found)")
                .hasMessageNotContaining("req-000012-1");
    }

    @Test
    void theTimeoutDefaultsToTheSettingsReadyTimeout() {
        kubevirt.stall();
        List<String> names = ensure("REQ-000012", 1);
        try (KubeVirtMachines impatient = new KubeVirtMachines(
                kubevirt.settings().withReadyTimeout(Duration.ofMillis(800)))) {

            ConnectorException e = catchThrowableOfType(ConnectorException.class,
                    () -> impatient.awaitReady(names, null, null));

            assertThat(e.retryable()).isTrue();
            assertThat(e).hasMessageContaining("PT0.8S").hasMessageContaining("req-000012-1");
        }
    }

    @Test
    void nothingToWaitForReturnsAtOnceAndNamesAreChecked() {
        assertThat(machines.awaitReady(List.of(), TIMEOUT, null)).isEmpty();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> machines.awaitReady(List.of("REQ-000012-1"), TIMEOUT, null))
                .withMessageContaining("DNS-1123");
    }

    private List<String> ensure(String request, int count) {
        String prefix = request.toLowerCase();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(machines.ensure(VmSpec.of(prefix + "-" + i, request, 1, 2, 10, "debian-12")).name());
        }
        return names;
    }
}
