package io.itsmhub.connectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KubernetesClientsTest {

    @Test
    void anExplicitApiServerIsUsedWithTheSettingsAndNoHiddenRetries() {
        KubernetesSettings settings = new KubernetesSettings(URI.create("https://k8s.example:6443"), "vms", "t0k",
                true, null, Duration.ofSeconds(3), null, null, null, null);

        Config config = KubernetesClients.config(settings);

        assertThat(config.getMasterUrl()).startsWith("https://k8s.example:6443");
        assertThat(config.getNamespace()).isEqualTo("vms");
        assertThat(config.getOauthToken()).isEqualTo("t0k");
        assertThat(config.isTrustCerts()).isTrue();
        assertThat(config.getRequestTimeout()).isEqualTo(3000);
        assertThat(config.getConnectionTimeout()).isEqualTo(3000);
        assertThat(config.getRequestRetryBackoffLimit()).isZero();
    }

    @Test
    void theConfiguredNamespaceWinsOverTheEnvironments() {
        Config config = KubernetesClients.config(KubernetesSettings.of(null, "itsm-vms", null));

        assertThat(config.getNamespace()).isEqualTo("itsm-vms");
        assertThat(config.getRequestRetryBackoffLimit()).isZero();
    }
}
