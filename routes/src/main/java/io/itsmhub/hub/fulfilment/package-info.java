/**
 * The request loop: an approved VM order is created through Kubernetes (KubeVirt), configured by Ansible,
 * registered in the CMDB and closed. Start at {@link io.itsmhub.hub.fulfilment.VmProvisioningRoute}.
 */
package io.itsmhub.hub.fulfilment;
