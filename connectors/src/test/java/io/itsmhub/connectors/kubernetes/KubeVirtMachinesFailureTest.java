package io.itsmhub.connectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.itsmhub.connectors.ConnectorException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Refusals, missing namespaces, invalid VMs and dead API servers, and whether a retry can help. */
class KubeVirtMachinesFailureTest {

    private static final VmSpec SPEC = VmSpec.of("req-000012-1", "REQ-000012", 2, 4, 20, "debian-12");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private KubeVirtSimulator kubevirt;

    @BeforeEach
    void start() {
        kubevirt = KubeVirtSimulator.start();
    }

    @AfterEach
    void stop() {
        kubevirt.close();
    }

    static Stream<Arguments> operations() {
        return Stream.of(
                Arguments.of(Named.<Consumer<VirtualMachines>>of("ensure", vms -> vms.ensure(SPEC))),
                Arguments.of(Named.<Consumer<VirtualMachines>>of("forRequest", vms -> vms.forRequest("REQ-000012"))),
                Arguments.of(Named.<Consumer<VirtualMachines>>of("awaitReady",
                        vms -> vms.awaitReady(List.of("req-000012-1"), TIMEOUT, null))),
                Arguments.of(Named.<Consumer<VirtualMachines>>of("deleteForRequest",
                        vms -> vms.deleteForRequest("REQ-000012"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void anApiServerThatIsDownIsWorthARetry(Consumer<VirtualMachines> operation) throws IOException {
        URI closedPort = closedPort();
        KubernetesSettings settings = KubernetesSettings.of(closedPort, "itsm-vms", KubeVirtSimulator.TOKEN);
        try (KubeVirtMachines machines = new KubeVirtMachines(settings)) {
            long started = System.nanoTime();

            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> operation.accept(machines));

            assertThat(e.retryable()).isTrue();
            assertThat(e.system()).isEqualTo("kubernetes");
            assertThat(e).hasMessageContaining("no answer").hasMessageContaining(closedPort.getHost());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no hidden retries with back-off")
                    .isLessThan(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void aWrongTokenIsPermanentAndNotEchoed(Consumer<VirtualMachines> operation) {
        KubernetesSettings settings = KubernetesSettings.of(kubevirt.url(), "itsm-vms", "wrong-token-5d41402abc4b");
        try (KubeVirtMachines machines = new KubeVirtMachines(settings)) {

            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> operation.accept(machines));

            assertThat(e.retryable()).isFalse();
            assertThat(e).hasMessageContaining("401").hasMessageNotContaining("wrong-token-5d41402abc4b");
            assertThat(kubevirt.createdCount()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void missingRightsArePermanent(Consumer<VirtualMachines> operation) {
        kubevirt.refuse(403, "Forbidden", "virtualmachines.kubevirt.io is forbidden: User "
                + "\"system:serviceaccount:itsm:hub\" cannot create resource \"virtualmachines\" in API group "
                + "\"kubevirt.io\" in the namespace \"itsm-vms\"");
        try (KubeVirtMachines machines = new KubeVirtMachines(kubevirt.settings())) {

            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> operation.accept(machines));

            assertThat(e.retryable()).isFalse();
            assertThat(e).hasMessageContaining("403").hasMessageContaining("itsm-vms")
                    .hasMessageContaining("system:serviceaccount:itsm:hub");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void anApiServerInTroubleIsWorthARetry(Consumer<VirtualMachines> operation) {
        kubevirt.refuse(503, "ServiceUnavailable", "the server is currently unable to handle the request");
        try (KubeVirtMachines machines = new KubeVirtMachines(kubevirt.settings())) {

            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> operation.accept(machines));

            assertThat(e.retryable()).isTrue();
            assertThat(e).hasMessageContaining("503");
        }
    }

    @Test
    void aMissingNamespaceIsPermanent() {
        KubernetesSettings elsewhere = KubernetesSettings.of(kubevirt.url(), "nowhere", KubeVirtSimulator.TOKEN);
        try (KubeVirtMachines machines = new KubeVirtMachines(elsewhere)) {

            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> machines.ensure(SPEC));

            assertThat(e.retryable()).isFalse();
            assertThat(e).hasMessageContaining("404").hasMessageContaining("namespaces \"nowhere\" not found");
        }
    }

    @Test
    void aVmTheApiServerFindsInvalidIsPermanent() {
        kubevirt.server().expect().post().withPath("/apis/kubevirt.io/v1/namespaces/itsm-vms/virtualmachines")
                .andReturn(422, new StatusBuilder().withStatus("Failure").withCode(422).withReason("Invalid")
                        .withMessage("admission webhook \"virtualmachine-validator.kubevirt.io\" denied the request: "
                                + "spec.template.spec.domain.resources.requests.memory: must be at least 1M")
                        .build())
                .once();
        try (KubeVirtMachines machines = new KubeVirtMachines(kubevirt.settings())) {

            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> machines.ensure(SPEC));

            assertThat(e.retryable()).isFalse();
            assertThat(e).hasMessageContaining("422").hasMessageContaining("virtualmachine-validator.kubevirt.io");
        }
    }

    @Test
    void anAnswerLaterThanTheRequestTimeoutIsWorthARetry() {
        kubevirt.server().expect().post().delay(3, TimeUnit.SECONDS)
                .withPath("/apis/kubevirt.io/v1/namespaces/itsm-vms/virtualmachines")
                .andReturn(201, VmManifest.of(SPEC, kubevirt.settings())).once();
        KubernetesSettings settings = kubevirt.settings();
        KubernetesSettings impatient = new KubernetesSettings(settings.apiServer(), settings.namespace(),
                settings.token(), false, null, Duration.ofMillis(500), null, null, null, null);
        try (KubeVirtMachines machines = new KubeVirtMachines(impatient)) {

            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> machines.ensure(SPEC));

            assertThat(e.retryable()).isTrue();
            assertThat(e).hasMessageContaining("no answer").hasMessageContaining("timeout");
        }
    }

    @Test
    void theTokenNeverLeavesInAMessageEvenWhenTheServerEchoesIt() {
        kubevirt.refuse(403, "Forbidden", "token " + KubeVirtSimulator.TOKEN + " may not do this");
        try (KubeVirtMachines machines = new KubeVirtMachines(kubevirt.settings())) {

            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> machines.ensure(SPEC));

            assertThat(e).hasMessageNotContaining(KubeVirtSimulator.TOKEN).hasMessageContaining("<secret>");
        }
    }

    @Test
    void aClientGivenByTheCallerStaysOpen() {
        try (KubeVirtMachines machines = new KubeVirtMachines(kubevirt.client(), kubevirt.settings())) {
            machines.ensure(SPEC);
        }

        assertThat(kubevirt.vms()).as("the simulator's client still works").hasSize(1);
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
