package io.itsmhub.connectors.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;

/**
 * KubeVirt's API as far as the hub uses it: the two kinds, the hub's labels, and null-safe reading of the
 * untyped maps a {@link GenericKubernetesResource} holds (there is no KubeVirt model on the class path).
 */
final class KubeVirt {

    static final String API_VERSION = "kubevirt.io/v1";

    static final ResourceDefinitionContext VIRTUAL_MACHINE = kind("VirtualMachine", "virtualmachines");
    /** KubeVirt reports a running VM's addresses on its instance, not on the VM. */
    static final ResourceDefinitionContext VIRTUAL_MACHINE_INSTANCE =
            kind("VirtualMachineInstance", "virtualmachineinstances");

    /** Which service request a VM belongs to; the value is the request number, e.g. REQ-000012. */
    static final String REQUEST_LABEL = "itsm-hub/request";
    static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    static final String MANAGED_BY = "itsm-hub";

    private KubeVirt() { }

    private static ResourceDefinitionContext kind(String kind, String plural) {
        return new ResourceDefinitionContext.Builder()
                .withGroup("kubevirt.io")
                .withVersion("v1")
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(true)
                .build();
    }

    /** A top-level section such as {@code status}, or an empty map. */
    static Map<?, ?> section(GenericKubernetesResource resource, String name) {
        return resource == null ? Map.of() : map(resource.getAdditionalProperties().get(name));
    }

    static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    /** A string field, or null when absent, blank or not a string. */
    static String text(Map<?, ?> map, String key) {
        return map.get(key) instanceof String s && !s.isBlank() ? s : null;
    }
}
