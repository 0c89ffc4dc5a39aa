/**
 * The Kubernetes connector: KubeVirt {@code VirtualMachine}s for service requests, through fabric8's
 * {@code KubernetesClient} and its generic resources (no KubeVirt model dependency). {@link
 * io.itsmhub.connectors.kubernetes.VirtualMachines} is the narrow interface the routes code against: ensure a VM
 * exists, wait until a request's VMs are ready (by watching, with their IP addresses), list them, delete them as
 * compensation. Configured by {@link io.itsmhub.connectors.kubernetes.KubernetesSettings} under {@code
 * hub.kubernetes}; every failure is a {@link io.itsmhub.connectors.ConnectorException} of system {@code
 * "kubernetes"} that says whether a retry can help. Tests run against {@code KubeVirtSimulator} (test-jar).
 */
package io.itsmhub.connectors.kubernetes;
