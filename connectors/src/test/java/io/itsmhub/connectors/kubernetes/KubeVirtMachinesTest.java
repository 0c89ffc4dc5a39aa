package io.itsmhub.connectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.itsmhub.connectors.ConnectorException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creating, listing and deleting a request's VMs against {@link KubeVirtSimulator}. */
class KubeVirtMachinesTest {

    private static final Duration AWAIT = Duration.ofSeconds(10);

    private KubeVirtSimulator kubevirt;
    private KubeVirtMachines machines;

    @BeforeEach
    void start() {
        kubevirt = KubeVirtSimulator.start().readyAfter(Duration.ofMillis(100));
        machines = new KubeVirtMachines(kubevirt.settings());
    }

    @AfterEach
    void stop() {
        machines.close();
        kubevirt.close();
    }

    @Test
    void ensureCreatesTheVmKubeVirtNeeds() {
        VmState state = machines.ensure(new VmSpec("req-000012-1", "REQ-000012", 2, 4, 20, "ubuntu-24.04",
                Map.of("example.com/team", "payments")));

        assertThat(state.name()).isEqualTo("req-000012-1");
        assertThat(state.ready()).isFalse();
        assertThat(state.failed()).isFalse();
        GenericKubernetesResource vm = kubevirt.vm("req-000012-1");
        assertThat(vm.getApiVersion()).isEqualTo("kubevirt.io/v1");
        assertThat(vm.getKind()).isEqualTo("VirtualMachine");
        assertThat(vm.getMetadata().getNamespace()).isEqualTo("itsm-vms");
        assertThat(vm.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "itsm-hub/request", "REQ-000012",
                "app.kubernetes.io/managed-by", "itsm-hub",
                "example.com/team", "payments"));
        assertThat(at(vm, "spec", "runStrategy")).isEqualTo("Always");
        assertThat(at(vm, "spec", "template", "metadata", "labels", "itsm-hub/request")).isEqualTo("REQ-000012");
        assertThat(at(vm, "spec", "template", "spec", "domain", "cpu", "cores")).isEqualTo(2);
        assertThat(at(vm, "spec", "template", "spec", "domain", "resources", "requests", "memory")).isEqualTo("4Gi");
        List<?> disks = (List<?>) at(vm, "spec", "template", "spec", "domain", "devices", "disks");
        assertThat(disks.stream().map(disk -> KubeVirt.map(disk).get("name")).map(String::valueOf).toList())
                .containsExactly("rootdisk", "cloudinitdisk");
        List<?> volumes = (List<?>) at(vm, "spec", "template", "spec", "volumes");
        assertThat(volumes.get(0)).isEqualTo(Map.of("name", "rootdisk",
                "containerDisk", Map.of("image", "quay.io/containerdisks/ubuntu:24.04")));
        assertThat(at((Map<?, ?>) volumes.get(1), "cloudInitNoCloud", "userData"))
                .asString().contains("hostname: req-000012-1");
        assertThat(at(vm, "spec", "dataVolumeTemplates")).as("no volume to import for a container disk").isNull();
    }

    @Test
    void ensureTwiceKeepsTheOneVm() {
        VmSpec spec = VmSpec.of("req-000012-1", "REQ-000012", 2, 4, 20, "debian-12");
        machines.ensure(spec);
        await().atMost(AWAIT).until(() -> machines.forRequest("REQ-000012").get(0).ready());

        VmState again = machines.ensure(spec);

        assertThat(kubevirt.createdCount()).isEqualTo(1);
        assertThat(kubevirt.vms()).hasSize(1);
        assertThat(again.ready()).as("the existing VM, as it is").isTrue();
        assertThat(again.ip()).startsWith("10.0.");
    }

    @Test
    void ensureAdoptsTheVmAnotherHubCreatedAMomentAgo() {
        VmSpec spec = VmSpec.of("req-000012-1", "REQ-000012", 2, 4, 20, "debian-12");
        // The other hub's create lands between this hub's decision to create and its POST: the POST gets 409.
        kubevirt.client().genericKubernetesResources(KubeVirt.VIRTUAL_MACHINE).inNamespace("itsm-vms")
                .resource(VmManifest.of(spec, kubevirt.settings())).create();

        VmState state = machines.ensure(spec);

        assertThat(state.name()).isEqualTo("req-000012-1");
        assertThat(kubevirt.createdCount()).isEqualTo(1);
    }

    @Test
    void aVmNameTakenByAnotherRequestIsNotAdopted() {
        machines.ensure(VmSpec.of("req-000012-1", "REQ-000012", 2, 4, 20, "debian-12"));

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> machines.ensure(VmSpec.of("req-000012-1", "REQ-000099", 2, 4, 20, "debian-12")));

        assertThat(e.retryable()).isFalse();
        assertThat(e.system()).isEqualTo("kubernetes");
        assertThat(e).hasMessageContaining("req-000012-1").hasMessageContaining("REQ-000012")
                .hasMessageContaining("REQ-000099");
    }

    @Test
    void withDataVolumesCdiImportsTheImageIntoADiskOfTheRequestedSize() {
        KubernetesSettings settings = kubevirt.settings();
        KubernetesSettings withVolumes = new KubernetesSettings(settings.apiServer(), settings.namespace(),
                settings.token(), false, null, null, "datavolume", "ceph-rbd", "hub-cloud-init", null);
        try (KubeVirtMachines persistent = new KubeVirtMachines(withVolumes)) {
            persistent.ensure(VmSpec.of("req-000013-1", "REQ-000013", 1, 2, 40, "rocky-9"));
        }

        GenericKubernetesResource vm = kubevirt.vm("req-000013-1");
        Map<?, ?> template = (Map<?, ?>) ((List<?>) at(vm, "spec", "dataVolumeTemplates")).get(0);
        assertThat(at(template, "metadata", "name")).isEqualTo("req-000013-1-rootdisk");
        assertThat(at(template, "spec", "source", "registry", "url"))
                .isEqualTo("docker://quay.io/containerdisks/centos-stream:9");
        assertThat(at(template, "spec", "storage", "resources", "requests", "storage")).isEqualTo("40Gi");
        assertThat(at(template, "spec", "storage", "storageClassName")).isEqualTo("ceph-rbd");
        List<?> volumes = (List<?>) at(vm, "spec", "template", "spec", "volumes");
        assertThat(volumes.get(0)).isEqualTo(Map.of("name", "rootdisk",
                "dataVolume", Map.of("name", "req-000013-1-rootdisk")));
        assertThat(at((Map<?, ?>) volumes.get(1), "cloudInitNoCloud", "secretRef", "name")).isEqualTo("hub-cloud-init");
    }

    @Test
    void anUnknownImageIsRefusedBeforeAnythingIsCreated() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> machines.ensure(VmSpec.of("req-1", "REQ-1", 1, 1, 10, "windows-11")))
                .withMessageContaining("windows-11");
        assertThat(kubevirt.createdCount()).isZero();
    }

    @Test
    void forRequestListsOnlyThatRequestsVmsWithTheirAddresses() {
        machines.ensure(VmSpec.of("req-000012-2", "REQ-000012", 1, 2, 10, "debian-12"));
        machines.ensure(VmSpec.of("req-000012-1", "REQ-000012", 1, 2, 10, "debian-12"));
        machines.ensure(VmSpec.of("req-000013-1", "REQ-000013", 1, 2, 10, "debian-12"));

        assertThat(machines.forRequest("REQ-000012")).extracting(VmState::name)
                .containsExactly("req-000012-1", "req-000012-2");
        assertThat(machines.forRequest("REQ-000014")).isEmpty();
        List<VmState> ready = await().atMost(AWAIT).until(() -> machines.forRequest("REQ-000012"),
                states -> states.stream().allMatch(s -> s.ready() && s.ip() != null));
        assertThat(ready).extracting(VmState::printableStatus).containsOnly("Running");
        assertThat(ready).extracting(VmState::ip).doesNotHaveDuplicates();
    }

    @Test
    void deleteForRequestRemovesThatRequestsVmsAndOnlyThose() {
        machines.ensure(VmSpec.of("req-000012-1", "REQ-000012", 1, 2, 10, "debian-12"));
        machines.ensure(VmSpec.of("req-000012-2", "REQ-000012", 1, 2, 10, "debian-12"));
        machines.ensure(VmSpec.of("req-000013-1", "REQ-000013", 1, 2, 10, "debian-12"));
        machines.awaitReady(List.of("req-000012-1", "req-000012-2", "req-000013-1"), AWAIT, null);

        List<String> deleted = machines.deleteForRequest("REQ-000012");

        assertThat(deleted).containsExactly("req-000012-1", "req-000012-2");
        assertThat(kubevirt.vms()).extracting(vm -> vm.getMetadata().getName()).containsExactly("req-000013-1");
        assertThat(machines.forRequest("REQ-000012")).isEmpty();
        await().atMost(AWAIT).untilAsserted(() -> assertThat(kubevirt.vmi("req-000012-1")).isNull());
        assertThat(kubevirt.vmi("req-000013-1")).as("the other request's instance").isNotNull();
        assertThat(machines.deleteForRequest("REQ-000012")).as("deleting nothing is fine").isEmpty();
    }

    @Test
    void requestsThatAreNoLabelValueAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> machines.forRequest("REQ 12"));
        assertThatIllegalArgumentException().isThrownBy(() -> machines.deleteForRequest(""));
    }

    /** A value deep in a resource's untyped maps, or null. */
    static Object at(GenericKubernetesResource resource, String... path) {
        return at(resource.getAdditionalProperties(), path);
    }

    static Object at(Map<?, ?> map, String... path) {
        Object value = map;
        for (String key : path) {
            if (!(value instanceof Map<?, ?> m)) {
                return null;
            }
            value = m.get(key);
        }
        return value;
    }
}
