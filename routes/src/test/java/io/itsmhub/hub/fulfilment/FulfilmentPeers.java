package io.itsmhub.hub.fulfilment;

import io.itsmhub.connectors.kubernetes.KubeVirtSimulator;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a test hub's fulfilment at its peers: the KubeVirt simulator for the Kubernetes API and the real
 * ansible-playbook with the repository's playbooks, local connection, writing into a scratch root.
 */
public final class FulfilmentPeers {

    private FulfilmentPeers() { }

    public static void register(DynamicPropertyRegistry registry, KubeVirtSimulator kubernetes, Path targetRoot) {
        registry.add("hub.kubernetes.api-server", () -> kubernetes.url().toString());
        registry.add("hub.kubernetes.token", () -> KubeVirtSimulator.TOKEN);
        registry.add("hub.kubernetes.namespace", () -> KubeVirtSimulator.NAMESPACE);
        registry.add("hub.kubernetes.ready-timeout", () -> "20s");
        registry.add("hub.ansible.playbook-dir", () -> Path.of("..", "playbooks").toAbsolutePath().normalize().toString());
        registry.add("hub.ansible.local", () -> "true");
        registry.add("hub.ansible.timeout", () -> "3m");
        registry.add("hub.fulfilment.poll-interval", () -> "200ms");
        registry.add("hub.fulfilment.lease", () -> "20s");
        registry.add("hub.fulfilment.ansible-vars.target_root", targetRoot::toString);
        registry.add("hub.fulfilment.ansible-vars.manage_packages", () -> "false");
    }
}
