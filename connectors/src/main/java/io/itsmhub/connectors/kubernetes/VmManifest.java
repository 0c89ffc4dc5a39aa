package io.itsmhub.connectors.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code kubevirt.io/v1 VirtualMachine} the hub creates for a {@link VmSpec}: always running
 * ({@code runStrategy: Always}), pod network with masquerade (so the instance reports the pod's address), a root
 * disk from the OS image and a cloud-init disk.
 */
final class VmManifest {

    static final String ROOT_DISK = "rootdisk";
    static final String CLOUD_INIT_DISK = "cloudinitdisk";

    private VmManifest() { }

    static GenericKubernetesResource of(VmSpec spec, KubernetesSettings settings) {
        String image = settings.imageFor(spec.image());
        Map<String, String> labels = new TreeMap<>(spec.labels());
        labels.put(KubeVirt.REQUEST_LABEL, spec.request());
        labels.put(KubeVirt.MANAGED_BY_LABEL, KubeVirt.MANAGED_BY);
        // KubeVirt copies the template's labels, not the VM's, to the instance: the hub finds both by its labels.
        Map<String, String> instanceLabels = new TreeMap<>(labels);
        instanceLabels.put("kubevirt.io/domain", spec.name());

        Map<String, Object> domain = ordered(
                "cpu", Map.of("cores", spec.cpu()),
                "resources", Map.of("requests", Map.of("memory", spec.memoryGi() + "Gi")),
                "devices", ordered(
                        "disks", List.of(
                                ordered("name", ROOT_DISK, "disk", Map.of("bus", "virtio")),
                                ordered("name", CLOUD_INIT_DISK, "disk", Map.of("bus", "virtio"))),
                        "interfaces", List.of(ordered("name", "default", "masquerade", Map.of()))));
        Map<String, Object> template = ordered(
                "metadata", Map.of("labels", instanceLabels),
                "spec", ordered(
                        "domain", domain,
                        "networks", List.of(ordered("name", "default", "pod", Map.of())),
                        "volumes", List.of(rootVolume(spec, settings, image), cloudInitVolume(spec, settings))));
        Map<String, Object> vmSpec = ordered("runStrategy", "Always");
        if (KubernetesSettings.DATA_VOLUME.equals(settings.diskSource())) {
            vmSpec.put("dataVolumeTemplates", List.of(dataVolume(spec, settings, image)));
        }
        vmSpec.put("template", template);

        GenericKubernetesResource vm = new GenericKubernetesResourceBuilder()
                .withApiVersion(KubeVirt.API_VERSION)
                .withKind(KubeVirt.VIRTUAL_MACHINE.getKind())
                .withNewMetadata()
                .withName(spec.name())
                .withNamespace(settings.namespace())
                .withLabels(labels)
                .endMetadata()
                .build();
        vm.setAdditionalProperty("spec", vmSpec);
        return vm;
    }

    private static Map<String, Object> rootVolume(VmSpec spec, KubernetesSettings settings, String image) {
        if (KubernetesSettings.DATA_VOLUME.equals(settings.diskSource())) {
            return ordered("name", ROOT_DISK, "dataVolume", Map.of("name", dataVolumeName(spec)));
        }
        return ordered("name", ROOT_DISK, "containerDisk", Map.of("image", image));
    }

    private static Map<String, Object> cloudInitVolume(VmSpec spec, KubernetesSettings settings) {
        Map<String, Object> noCloud = settings.cloudInitSecret() != null
                ? Map.of("secretRef", Map.of("name", settings.cloudInitSecret()))
                : Map.of("userData", "#cloud-config\nhostname: " + spec.name() + "\n");
        return ordered("name", CLOUD_INIT_DISK, "cloudInitNoCloud", noCloud);
    }

    /** CDI imports the same container disk into a volume of the requested size. */
    private static Map<String, Object> dataVolume(VmSpec spec, KubernetesSettings settings, String image) {
        Map<String, Object> storage = ordered("resources", Map.of("requests", Map.of("storage", spec.diskGi() + "Gi")));
        if (settings.storageClass() != null) {
            storage.put("storageClassName", settings.storageClass());
        }
        return ordered(
                "metadata", Map.of("name", dataVolumeName(spec)),
                "spec", ordered(
                        "source", Map.of("registry", Map.of("url", "docker://" + image)),
                        "storage", storage));
    }

    static String dataVolumeName(VmSpec spec) {
        return spec.name() + "-" + ROOT_DISK;
    }

    /** A map that serialises in the order written, so the manifest reads like the YAML it is. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
