package io.itsmhub.hub.fulfilment;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub runs fulfilment steps.
 *
 * @param pollInterval how often due steps are claimed
 * @param workers      steps run at the same time (parallel requests)
 * @param lease        how long a claimed step is the hub's before another hub may take it over; a running step
 *                     renews it, so this is how soon a dead hub's work resumes elsewhere
 * @param retries      quick retries of a step whose failure may pass (the system was unreachable) before the
 *                     request goes on hold for an agent
 * @param clusterCi    the CMDB name of the cluster the VMs are hosted on
 * @param ansibleVars  variables given to every playbook (e.g. ntp servers; tests set a scratch target_root)
 */
@ConfigurationProperties("hub.fulfilment")
public record FulfilmentSettings(@DefaultValue("1s") Duration pollInterval, @DefaultValue("4") int workers,
                                 @DefaultValue("60s") Duration lease, @DefaultValue("2") int retries,
                                 @DefaultValue("k8s-prod") String clusterCi, Map<String, Object> ansibleVars) {

    public FulfilmentSettings {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        workers = workers <= 0 ? 4 : workers;
        clusterCi = clusterCi == null ? "k8s-prod" : clusterCi;
        ansibleVars = ansibleVars == null ? Map.of() : Map.copyOf(ansibleVars);
    }
}
