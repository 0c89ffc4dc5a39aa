package io.itsmhub.connectors.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;

/** fabric8's client configured from {@link KubernetesSettings}. */
final class KubernetesClients {

    private KubernetesClients() { }

    static KubernetesClient create(KubernetesSettings settings) {
        return new KubernetesClientBuilder().withConfig(config(settings)).build();
    }

    static Config config(KubernetesSettings settings) {
        // With an explicit API server nothing is read from the environment: a developer's kubeconfig must not
        // lend the hub its credentials or its cluster.
        Config base = settings.apiServer() == null ? Config.autoConfigure(null) : Config.empty();
        int timeout = millis(settings.requestTimeout());
        ConfigBuilder builder = new ConfigBuilder(base)
                .withNamespace(settings.namespace())
                .withRequestTimeout(timeout)
                .withConnectionTimeout(timeout)
                // fabric8 retries failed requests 10 times with back-off by default, POSTs included; the hub's
                // routes own retries, and a create retried blindly could race with the hub's own adoption.
                .withRequestRetryBackoffLimit(0);
        if (settings.apiServer() != null) {
            builder.withMasterUrl(settings.apiServer().toString());
        }
        if (settings.token() != null) {
            builder.withOauthToken(settings.token());
        }
        if (settings.trustCerts()) {
            builder.withTrustCerts(true);
        }
        return builder.build();
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
