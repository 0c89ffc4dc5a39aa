package io.itsmhub.connectors.kubernetes;

/**
 * A VM now, as KubeVirt reports it.
 *
 * @param name            the VM's name
 * @param printableStatus KubeVirt's {@code status.printableStatus} (Starting, Running, ErrorUnschedulable…); null
 *                        until KubeVirt has reported one
 * @param ready           {@code status.ready}, or a printable status of Running
 * @param ip              the first interface's address on the VM's instance; null until known
 * @param failure         why the VM cannot start (the reason KubeVirt gives, else its status); null unless failed
 */
public record VmState(String name, String printableStatus, boolean ready, String ip, String failure) {

    public boolean failed() {
        return failure != null;
    }
}
