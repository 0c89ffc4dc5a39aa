package io.itsmhub.connectors.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link VmState} from a VirtualMachine and its VirtualMachineInstance. KubeVirt sums a VM up in
 * {@code status.printableStatus}; the reason of a failure is in the conditions it copies from the instance and
 * its pod (e.g. {@code PodScheduled=False, reason Unschedulable, message "0/3 nodes are available…"}).
 */
final class VmStates {

    /** Printable statuses a VM does not leave by itself; any other starting with "Error" counts as well. */
    static final Set<String> FAILED = Set.of("ErrorUnschedulable", "Unschedulable", "ErrorDataVolumeNotFound",
            "DataVolumeError", "ErrorPvcNotFound", "ErrorImagePull", "ImagePullBackOff", "CrashLoopBackOff");

    private VmStates() { }

    static VmState of(GenericKubernetesResource vm, GenericKubernetesResource vmi) {
        Map<?, ?> status = KubeVirt.section(vm, "status");
        String printable = KubeVirt.text(status, "printableStatus");
        boolean ready = Boolean.TRUE.equals(status.get("ready")) || "Running".equals(printable);
        String failure = ready ? null : failureOf(printable, status);
        return new VmState(vm.getMetadata().getName(), printable, ready, ipOf(vmi), failure);
    }

    /** {@code status.interfaces[0].ipAddress} of the instance, null while it has none. */
    static String ipOf(GenericKubernetesResource vmi) {
        Object first = KubeVirt.list(KubeVirt.section(vmi, "status").get("interfaces")).stream().findFirst()
                .orElse(null);
        return KubeVirt.text(KubeVirt.map(first), "ipAddress");
    }

    private static String failureOf(String printable, Map<?, ?> status) {
        Map<?, ?> failureCondition = null;
        Map<?, ?> falseCondition = null;
        for (Object item : KubeVirt.list(status.get("conditions"))) {
            Map<?, ?> condition = KubeVirt.map(item);
            String type = KubeVirt.text(condition, "type");
            String state = KubeVirt.text(condition, "status");
            if ("Failure".equals(type) && "True".equals(state) && failureCondition == null) {
                failureCondition = condition;
            } else if ("False".equals(state) && KubeVirt.text(condition, "message") != null
                    && (falseCondition == null || "Ready".equals(KubeVirt.text(falseCondition, "type")))) {
                // Prefer the specific condition (PodScheduled…) to Ready, which only repeats that it is not.
                falseCondition = condition;
            }
        }
        boolean failedStatus = printable != null && (FAILED.contains(printable) || printable.startsWith("Error"));
        if (failureCondition != null) {
            return reason(failureCondition, printable);
        }
        if (!failedStatus) {
            return null;
        }
        return falseCondition != null ? reason(falseCondition, printable) : printable;
    }

    private static String reason(Map<?, ?> condition, String fallback) {
        String message = KubeVirt.text(condition, "message");
        String reason = KubeVirt.text(condition, "reason");
        if (message != null) {
            return message;
        }
        return reason != null ? reason : fallback != null ? fallback : "Failure";
    }
}
