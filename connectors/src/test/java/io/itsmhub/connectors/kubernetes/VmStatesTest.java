package io.itsmhub.connectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How KubeVirt's status reads as ready, failed or neither, on shapes a real cluster reports. */
class VmStatesTest {

    @Test
    void readyByTheReadyFlagOrByRunning() {
        assertThat(VmStates.of(vm(Map.of("ready", true)), null).ready()).isTrue();
        assertThat(VmStates.of(vm(Map.of("printableStatus", "Running")), null).ready()).isTrue();
        VmState starting = VmStates.of(vm(Map.of("printableStatus", "Starting", "ready", false)), null);
        assertThat(starting.ready()).isFalse();
        assertThat(starting.failed()).isFalse();
    }

    @Test
    void aVmWithoutStatusYetIsNeitherReadyNorFailed() {
        VmState state = VmStates.of(vm(null), null);

        assertThat(state.printableStatus()).isNull();
        assertThat(state.ready()).isFalse();
        assertThat(state.failed()).isFalse();
        assertThat(state.ip()).isNull();
    }

    @Test
    void aNotReadyConditionAloneIsNoFailure() {
        VmState state = VmStates.of(vm(Map.of("printableStatus", "Provisioning", "conditions", List.of(
                Map.of("type", "Ready", "status", "False", "reason", "PodNotExists",
                        "message", "virt-launcher pod has not yet been scheduled")))), null);

        assertThat(state.failed()).isFalse();
    }

    @Test
    void anUnschedulableVmFailsWithThePodsReasonRatherThanReadysEcho() {
        VmState state = VmStates.of(vm(Map.of("printableStatus", "ErrorUnschedulable", "conditions", List.of(
                Map.of("type", "Ready", "status", "False", "message", "Guest VM is not reported as running"),
                Map.of("type", "PodScheduled", "status", "False", "reason", "Unschedulable",
                        "message", "0/3 nodes are available: 3 Insufficient memory.")))), null);

        assertThat(state.failure()).isEqualTo("0/3 nodes are available: 3 Insufficient memory.");
    }

    @Test
    void aFailureConditionFailsWhateverThePrintableStatus() {
        VmState state = VmStates.of(vm(Map.of("printableStatus", "Starting", "conditions", List.of(
                Map.of("type", "Failure", "status", "True", "reason", "FailedCreate",
                        "message", "admission webhook denied the VMI")))), null);

        assertThat(state.failure()).isEqualTo("admission webhook denied the VMI");
    }

    @Test
    void anErrorStatusWithoutConditionsFailsWithTheStatus() {
        assertThat(VmStates.of(vm(Map.of("printableStatus", "ErrorPvcNotFound")), null).failure())
                .isEqualTo("ErrorPvcNotFound");
        assertThat(VmStates.of(vm(Map.of("printableStatus", "ErrorSomethingNew")), null).failed()).isTrue();
    }

    @Test
    void theAddressComesFromTheInstancesFirstInterface() {
        GenericKubernetesResource vmi = resource("VirtualMachineInstance", Map.of("interfaces", List.of(
                Map.of("name", "default", "ipAddress", "10.244.1.17"),
                Map.of("name", "secondary", "ipAddress", "192.168.10.5"))));
        GenericKubernetesResource pending = resource("VirtualMachineInstance", Map.of("interfaces", List.of(
                Map.of("name", "default", "ipAddress", ""))));

        assertThat(VmStates.of(vm(Map.of("ready", true)), vmi).ip()).isEqualTo("10.244.1.17");
        assertThat(VmStates.ipOf(pending)).isNull();
        assertThat(VmStates.ipOf(resource("VirtualMachineInstance", null))).isNull();
    }

    private static GenericKubernetesResource vm(Map<String, Object> status) {
        return resource("VirtualMachine", status);
    }

    private static GenericKubernetesResource resource(String kind, Map<String, Object> status) {
        GenericKubernetesResource resource = new GenericKubernetesResourceBuilder().withApiVersion("kubevirt.io/v1")
                .withKind(kind).withNewMetadata().withName("req-000012-1").endMetadata().build();
        if (status != null) {
            resource.setAdditionalProperty("status", status);
        }
        return resource;
    }
}
