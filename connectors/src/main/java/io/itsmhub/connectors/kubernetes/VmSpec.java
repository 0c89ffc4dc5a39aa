package io.itsmhub.connectors.kubernetes;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A VM to create. Validated here, so that a bad name fails the caller at once with an
 * {@link IllegalArgumentException} rather than as an API server error later.
 *
 * @param name     the VM's name, a DNS-1123 label of at most 63 characters, e.g. {@code req-000012-1}
 * @param request  the service request number, e.g. {@code REQ-000012}: the value of the label
 *                 {@code itsm-hub/request}, so a valid label value
 * @param cpu      virtual CPU cores, at least 1
 * @param memoryGi memory in GiB, at least 1
 * @param diskGi   root disk size in GiB, at least 1; applied with the {@code datavolume} disk source only (a
 *                 container disk is as large as its image)
 * @param image    the OS choice (e.g. {@code debian-12}), mapped to an image through
 *                 {@link KubernetesSettings#images()}
 * @param labels   extra labels for the VM and its instance; null for none; may not set the hub's own labels
 */
public record VmSpec(String name, String request, int cpu, int memoryGi, int diskGi, String image,
        Map<String, String> labels) {

    public VmSpec {
        Names.dnsLabel("VM name", name);
        Names.labelValue("request", request, true);
        positive("cpu", cpu);
        positive("memoryGi", memoryGi);
        positive("diskGi", diskGi);
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("VM " + name + " needs an OS image choice");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        if (labels != null) {
            labels.forEach((key, value) -> {
                Names.labelKey(key);
                if (key.equals(KubeVirt.REQUEST_LABEL) || key.equals(KubeVirt.MANAGED_BY_LABEL)) {
                    throw new IllegalArgumentException("label " + key + " is the hub's own and cannot be set");
                }
                Names.labelValue("the value of label " + key, Objects.requireNonNull(value, key), false);
                copy.put(key, value);
            });
        }
        labels = Collections.unmodifiableMap(copy);
    }

    /** A VM without extra labels. */
    public static VmSpec of(String name, String request, int cpu, int memoryGi, int diskGi, String image) {
        return new VmSpec(name, request, cpu, memoryGi, diskGi, image, null);
    }

    private static void positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, was " + value);
        }
    }
}
