package io.itsmhub.hub.fulfilment;

import io.itsmhub.connectors.ansible.AnsibleSettings;
import io.itsmhub.connectors.ansible.PlaybookRunner;
import io.itsmhub.connectors.ansible.ProcessPlaybookRunner;
import io.itsmhub.connectors.kubernetes.KubeVirtMachines;
import io.itsmhub.connectors.kubernetes.KubernetesSettings;
import io.itsmhub.connectors.kubernetes.VirtualMachines;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration
@EnableConfigurationProperties({FulfilmentSettings.class, KubernetesSettings.class, AnsibleSettings.class})
class FulfilmentConfig {

    /** Lazy: a hub without VM orders never talks to (or looks for) a Kubernetes API server. */
    @Bean(destroyMethod = "close")
    @Lazy
    KubeVirtMachines virtualMachines(KubernetesSettings settings) {
        return new KubeVirtMachines(settings);
    }

    @Bean
    PlaybookRunner playbookRunner(AnsibleSettings settings) {
        return new ProcessPlaybookRunner(settings);
    }
}
