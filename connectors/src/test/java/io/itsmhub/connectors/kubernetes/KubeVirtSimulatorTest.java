package io.itsmhub.connectors.kubernetes;

import static io.itsmhub.connectors.kubernetes.KubeVirtMachinesTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator behaves like the API server and KubeVirt in the ways the connector relies on. */
class KubeVirtSimulatorTest {

    private static final Duration AWAIT = Duration.ofSeconds(10);
    private static final VmSpec SPEC = VmSpec.of("req-000012-1", "REQ-000012", 2, 4, 20, "debian-12");

    private KubeVirtSimulator kubevirt;

    @BeforeEach
    void start() {
        kubevirt = KubeVirtSimulator.start().readyAfter(Duration.ofMillis(100));
    }

    @AfterEach
    void stop() {
        kubevirt.close();
    }

    @Test
    void statusIsASubresourceAsInKubeVirtsCrd() {
        GenericKubernetesResource body = VmManifest.of(SPEC, kubevirt.settings());
        body.setAdditionalProperty("status", Map.of("printableStatus", "Running", "ready", true));
        kubevirt.stall();

        GenericKubernetesResource created = kubevirt.client().genericKubernetesResources(KubeVirt.VIRTUAL_MACHINE)
                .inNamespace(KubeVirtSimulator.NAMESPACE).resource(body).create();

        assertThat(created.getAdditionalProperties()).as("a create does not set the status")
                .doesNotContainKey("status");
        await().atMost(AWAIT).untilAsserted(() ->
                assertThat(at(kubevirt.vm(SPEC.name()), "status", "printableStatus")).isEqualTo("Starting"));
    }

    @Test
    void kubeVirtStartsAnInstanceWithTheTemplatesLabelsAndAnAddress() {
        try (KubeVirtMachines machines = new KubeVirtMachines(kubevirt.settings())) {
            machines.ensure(SPEC);
            machines.ensure(VmSpec.of("req-000012-2", "REQ-000012", 1, 2, 10, "debian-12"));
        }

        await().atMost(AWAIT).untilAsserted(() -> {
            assertThat(kubevirt.vmi("req-000012-1")).isNotNull();
            assertThat(kubevirt.vmi("req-000012-2")).isNotNull();
        });
        GenericKubernetesResource vmi = kubevirt.vmi("req-000012-1");
        assertThat(vmi.getMetadata().getLabels()).containsEntry("itsm-hub/request", "REQ-000012")
                .containsEntry("kubevirt.io/domain", "req-000012-1");
        assertThat(vmi.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(kubevirt.vm("req-000012-1").getMetadata()
                        .getUid()));
        assertThat(at(vmi, "status", "phase")).isEqualTo("Running");
        assertThat(VmStates.ipOf(vmi)).isNotEqualTo(VmStates.ipOf(kubevirt.vmi("req-000012-2")))
                .matches("10\\.0\\.\\d+\\.\\d+");
    }

    @Test
    void failNextFailsOnlyThatManyVms() {
        kubevirt.failNext(1, "ErrorUnschedulable", "0/3 nodes are available: 3 Insufficient memory.");
        try (KubeVirtMachines machines = new KubeVirtMachines(kubevirt.settings())) {
            machines.ensure(SPEC);
            machines.ensure(VmSpec.of("req-000012-2", "REQ-000012", 1, 2, 10, "debian-12"));

            List<VmState> states = await().atMost(AWAIT).until(() -> machines.forRequest("REQ-000012"),
                    all -> all.get(0).failed() && all.get(1).ready());

            assertThat(states.get(0).failure()).isEqualTo("0/3 nodes are available: 3 Insufficient memory.");
            assertThat(kubevirt.vmi("req-000012-1")).as("an unschedulable VM has no running instance").isNull();
        }
    }

    @Test
    void requestsWithoutTheTokenAreUnauthorized() {
        try (KubernetesClient anonymous = new KubernetesClientBuilder()
                .withConfig(KubernetesClients.config(KubernetesSettings.of(kubevirt.url(), null, null))).build()) {

            KubernetesClientException e = catchThrowableOfType(KubernetesClientException.class,
                    () -> anonymous.genericKubernetesResources(KubeVirt.VIRTUAL_MACHINE).inNamespace("itsm-vms")
                            .list());

            assertThat(e.getCode()).isEqualTo(401);
        }
    }

    @Test
    void countsEveryVmEverCreatedEvenWhenDeleted() {
        try (KubeVirtMachines machines = new KubeVirtMachines(kubevirt.settings())) {
            machines.ensure(SPEC);
            machines.deleteForRequest("REQ-000012");
            machines.ensure(SPEC);
        }

        assertThat(kubevirt.createdCount()).isEqualTo(2);
        assertThat(kubevirt.vms()).hasSize(1);
    }
}
