package io.itsmhub.hub.fulfilment;

import io.itsmhub.connectors.ConnectorException;
import io.itsmhub.connectors.ansible.PlaybookResult;
import io.itsmhub.connectors.ansible.PlaybookRunner;
import io.itsmhub.connectors.kubernetes.VirtualMachines;
import io.itsmhub.connectors.kubernetes.VmSpec;
import io.itsmhub.connectors.kubernetes.VmState;
import io.itsmhub.core.fulfilment.FulfilmentService;
import io.itsmhub.core.fulfilment.Step;
import io.itsmhub.core.fulfilment.StepOrder;
import io.itsmhub.hub.directory.DirectoryOperations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Runs one fulfilment step against the systems that do the work: a VM order's (Kubernetes, Ansible, CMDB), or a
 * directory order's (group membership, password reset). Every step is idempotent — VMs are found by
 * name before they are created, playbooks converge, CIs are found by name — because a step may run again after a
 * hub died in it. While a step runs, its lease is renewed; a failure that may pass is retried a few times with a
 * growing pause, anything else puts the request on hold with the error for the fulfilment team.
 */
@Component
class FulfilmentSteps implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(FulfilmentSteps.class);

    private final FulfilmentService fulfilments;
    private final VirtualMachines vms;
    private final PlaybookRunner ansible;
    private final CmdbRegistration cmdb;
    private final ObjectProvider<DirectoryOperations> directory;
    private final FulfilmentSettings settings;
    /** Set when the hub shuts down: a step cut short then is not a failure; its lease runs out and it resumes. */
    private volatile boolean stopping;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fulfilment-heartbeat");
        t.setDaemon(true);
        return t;
    });

    FulfilmentSteps(FulfilmentService fulfilments, @Lazy VirtualMachines vms, PlaybookRunner ansible, CmdbRegistration cmdb,
                    ObjectProvider<DirectoryOperations> directory, FulfilmentSettings settings) {
        this.directory = directory;
        this.fulfilments = fulfilments;
        this.vms = vms;
        this.ansible = ansible;
        this.cmdb = cmdb;
        this.settings = settings;
    }

    void run(StepOrder order) {
        if (stopping) {
            return; // claimed just before the shutdown: its lease runs out and a hub resumes it
        }
        String number = order.request();
        ScheduledFuture<?> renewal = heartbeat.scheduleAtFixedRate(() -> renew(number),
                settings.lease().toMillis() / 3, settings.lease().toMillis() / 3, TimeUnit.MILLISECONDS);
        try {
            switch (order.step()) {
                case CREATE_VMS -> createVms(order);
                case AWAIT_VMS -> awaitVms(order);
                case CONFIGURE -> configure(order);
                case REGISTER -> register(order);
                case CLOSE -> close(order);
                case GRANT_ACCESS -> grantAccess(order);
                case RESET_PASSWORD -> resetPassword(order);
                case COMPENSATE -> compensate(order);
            }
        } catch (RuntimeException e) {
            if (stopping) {
                log.info("{} {} interrupted by the shutdown; it resumes when its lease runs out", number, order.step());
                return;
            }
            handle(order, e);
        } finally {
            renewal.cancel(false);
        }
    }

    private void handle(StepOrder order, RuntimeException failure) {
        String number = order.request();
        if (failure instanceof ConnectorException e) {
            if (e.retryable() && order.attempt() <= settings.retries()) {
                Duration pause = Duration.ofSeconds(5L * order.attempt());
                fulfilments.progress(number, "hub: %s, retrying in %ds after: %s".formatted(order.step(), pause.toSeconds(),
                        e.getMessage()), pause);
            } else {
                fulfilments.failed(number, order.step(), e.getMessage());
            }
            return;
        }
        log.warn("{} {} failed", number, order.step(), failure);
        fulfilments.failed(number, order.step(), failure.getMessage() == null ? failure.toString() : failure.getMessage());
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        stopping = true;
        heartbeat.shutdownNow();
    }

    private void createVms(StepOrder order) {
        int count = number(order.values().get("count"), 1);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = vmName(order.request(), i);
            fulfilments.progress(order.request(), "Kubernetes: creating VM %d/%d".formatted(i, count), settings.lease());
            vms.ensure(new VmSpec(name, order.request(), number(order.values().get("cpu"), 1),
                    number(order.values().get("memoryGb"), 1), number(order.values().get("diskGb"), 10),
                    String.valueOf(order.values().getOrDefault("image", "debian-12")), Map.of()));
            names.add(name);
        }
        fulfilments.done(order.request(), Step.CREATE_VMS, Map.of("vms", names), String.join(", ", names) + " created");
    }

    private void awaitVms(StepOrder order) {
        List<String> names = vmNames(order);
        List<VmState> ready = vms.awaitReady(names, null, (done, total) -> fulfilments.progress(order.request(),
                "Kubernetes: waiting for %d/%d VMs".formatted(total - done, total), settings.lease()));
        Map<String, Object> ips = new LinkedHashMap<>();
        ready.forEach(vm -> ips.put(vm.name(), vm.ip()));
        fulfilments.done(order.request(), Step.AWAIT_VMS, Map.of("ips", ips), "ready: " + ips);
    }

    private void configure(StepOrder order) {
        List<String> hosts = new ArrayList<>(ips(order).values());
        List<String> playbooks = new ArrayList<>(List.of("baseline.yml"));
        software(order).forEach(s -> playbooks.add(s + ".yml"));
        Map<String, Object> variables = new LinkedHashMap<>(settings.ansibleVars());
        // the playbooks' contract (playbooks/README.md): the request they set the host up for, in the motd
        variables.put("request_id", order.request());
        variables.put("request_summary", "%s for %s (%s)".formatted(order.catalogItem(), order.requester(),
                order.values().getOrDefault("environment", "")));
        List<String> summary = new ArrayList<>();
        for (int i = 0; i < playbooks.size(); i++) {
            String playbook = playbooks.get(i);
            String stage = "Ansible: %s on %d VM(s) (%d/%d playbooks)".formatted(playbook, hosts.size(), i + 1, playbooks.size());
            fulfilments.progress(order.request(), stage, settings.lease());
            PlaybookResult result = ansible.run(playbook, hosts, variables,
                    line -> fulfilments.progress(order.request(), stage + ": " + line, settings.lease()));
            if (!result.ok()) {
                throw ConnectorException.permanent("ansible", playbook + " failed: " + result.failureSummary(), null);
            }
            summary.add(playbook + " ok in " + result.duration().toSeconds() + " s");
        }
        fulfilments.done(order.request(), Step.CONFIGURE, Map.of("software", software(order)), String.join("; ", summary));
    }

    private void register(StepOrder order) {
        List<String> cis = cmdb.register(order.request(), order.requester(), ips(order), software(order), order.values(),
                settings.clusterCi());
        fulfilments.done(order.request(), Step.REGISTER, Map.of("cis", cis), "CIs " + String.join(", ", cis));
    }

    /** Adds the requester (or the {@code user} the form names) to the {@code group} the form names. */
    private void grantAccess(StepOrder order) {
        String user = String.valueOf(order.values().getOrDefault("user", order.requester()));
        String group = String.valueOf(order.values().get("group"));
        directory().addToGroup(order.request(), user, group);
        fulfilments.done(order.request(), Step.GRANT_ACCESS, Map.of("granted", user + " in " + group), user + " added to " + group);
    }

    private void resetPassword(StepOrder order) {
        directory().resetPassword(order.request(), order.requester());
        fulfilments.done(order.request(), Step.RESET_PASSWORD, Map.of("reset", order.requester()),
                "one-time password sent to " + order.requester());
    }

    private DirectoryOperations directory() {
        DirectoryOperations operations = directory.getIfAvailable();
        if (operations == null) {
            throw ConnectorException.permanent("ldap", "no directory is configured (hub.ldap.url)", null);
        }
        return operations;
    }

    private void close(StepOrder order) {
        if (!order.data().containsKey("ips")) { // not a VM order: the step before said what was done
            fulfilments.done(order.request(), Step.CLOSE, Map.of(), order.data().containsKey("granted")
                    ? "Access granted: " + order.data().get("granted")
                    : "Your password was reset; the one-time password was sent to you");
            return;
        }
        StringBuilder note = new StringBuilder("Your VMs are ready:");
        ips(order).forEach((name, ip) -> note.append("\n- ").append(name).append(" (").append(ip).append(')'));
        List<String> software = software(order);
        if (!software.isEmpty()) {
            note.append("\nInstalled: ").append(String.join(", ", software));
        }
        fulfilments.done(order.request(), Step.CLOSE, Map.of(), note.toString());
    }

    private void compensate(StepOrder order) {
        List<String> deleted = vms.deleteForRequest(order.request());
        fulfilments.done(order.request(), Step.COMPENSATE, Map.of(), deleted.isEmpty() ? "no VMs to delete"
                : "deleted " + String.join(", ", deleted));
    }

    private void renew(String number) {
        try {
            fulfilments.progress(number, null, settings.lease());
        } catch (RuntimeException e) {
            log.debug("lease of {} not renewed: {}", number, e.getMessage());
        }
    }

    /** KubeVirt names are DNS labels: REQ-000012 → req-000012-1. */
    static String vmName(String request, int index) {
        return request.toLowerCase() + "-" + index;
    }

    @SuppressWarnings("unchecked")
    private static List<String> vmNames(StepOrder order) {
        return (List<String>) order.data().getOrDefault("vms", List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> ips(StepOrder order) {
        return (Map<String, String>) order.data().getOrDefault("ips", Map.of());
    }

    private static List<String> software(StepOrder order) {
        Object chosen = order.values().get("software");
        return chosen instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
    }

    private static int number(Object value, int fallback) {
        return value == null ? fallback : new java.math.BigDecimal(value.toString()).intValue();
    }
}
