package io.itsmhub.connectors.kubernetes;

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * What the hub needs from KubeVirt, and no more: the VMs of a service request, found by the label
 * {@code itsm-hub/request=<request number>}. Every method throws {@link io.itsmhub.connectors.ConnectorException}
 * (system {@code "kubernetes"}) on failure: retryable for no answer, timeouts, 408, 429, 5xx and 409 conflicts;
 * permanent for refused credentials (401), missing rights (403), a missing namespace or KubeVirt (404) and an
 * invalid VM (422). Invalid input (names, label values, unknown OS images) is an {@link IllegalArgumentException}
 * before anything is sent.
 */
public interface VirtualMachines {

    /**
     * Creates the VM unless one with this name exists (then returns it unchanged): retries never make a second VM.
     * A VM of that name belonging to another request is a permanent failure, not adopted.
     */
    VmState ensure(VmSpec spec);

    /** Current state of the VMs labelled itsm-hub/request=<request>, by name; empty list when none. */
    List<VmState> forRequest(String request);

    /**
     * Blocks until every named VM is ready with an IP address, or one failed, or the timeout passes; watches
     * the VMs and their instances rather than polling. Calls {@code progress.accept(readyCount, total)} at the
     * start and whenever the count of ready VMs changes, on the calling thread.
     *
     * @param names    the VMs, all in the configured namespace
     * @param timeout  how long to wait; null for {@link KubernetesSettings#readyTimeout()}
     * @param progress told the count of ready VMs; may be null
     * @return the states, in the order of {@code names} (duplicates once), each with its IP address
     * @throws io.itsmhub.connectors.ConnectorException retryable on timeout, naming the VMs not ready and their
     *         status; permanent when a VM failed, with its status and reason
     */
    List<VmState> awaitReady(List<String> names, Duration timeout, BiConsumer<Integer, Integer> progress);

    /**
     * Deletes every VM labelled with the request (compensation); KubeVirt removes their instances. Returns the
     * names deleted, by name; deleting nothing is fine.
     */
    List<String> deleteForRequest(String request);
}
