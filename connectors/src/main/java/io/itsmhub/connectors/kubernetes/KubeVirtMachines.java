package io.itsmhub.connectors.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.itsmhub.connectors.ConnectorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link VirtualMachines} on fabric8's {@link KubernetesClient}, with KubeVirt's kinds as generic resources.
 * Thread-safe; make one, share it and {@link #close()} it.
 *
 * <p>What this adds to fabric8, and why:
 * <ul>
 * <li>Idempotent creation: {@link #ensure} creates, and answers the API server's 409 AlreadyExists with the VM
 *     that is there (after checking it is the same request's), so a retried step or a second hub racing for the
 *     same request never makes a second VM.</li>
 * <li>No hidden retries: fabric8 retries failed requests with back-off by default; here it does not
 *     ({@link KubernetesClients}), and every failure becomes one {@link ConnectorException}
 *     ({@link KubeFailures}).</li>
 * <li>Waiting by watching ({@link ReadinessWatch}), and the IP address from the instance, where KubeVirt
 *     reports it.</li>
 * </ul>
 *
 * <p>The hub's account needs, in its namespace: get, list, watch, create and delete on
 * {@code virtualmachines.kubevirt.io}; get, list and watch on {@code virtualmachineinstances.kubevirt.io}.
 */
public class KubeVirtMachines implements VirtualMachines, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KubeVirtMachines.class);

    private final KubernetesClient client;
    private final boolean ownsClient;
    private final KubernetesSettings settings;
    private final String namespace;
    private final KubeFailures failures;

    /** A client of its own, configured from the settings, closed with this. */
    public KubeVirtMachines(KubernetesSettings settings) {
        this(KubernetesClients.create(Objects.requireNonNull(settings, "settings")), settings, true);
    }

    /**
     * On a ready client (tests, or a client the application shares); the settings give the namespace, images and
     * timeouts. {@link #close()} leaves this client open: it is the caller's.
     */
    public KubeVirtMachines(KubernetesClient client, KubernetesSettings settings) {
        this(client, settings, false);
    }

    private KubeVirtMachines(KubernetesClient client, KubernetesSettings settings, boolean ownsClient) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ownsClient = ownsClient;
        this.namespace = settings.namespace();
        this.failures = new KubeFailures(String.valueOf(client.getMasterUrl()), namespace, settings.token());
    }

    @Override
    public VmState ensure(VmSpec spec) {
        Objects.requireNonNull(spec, "spec");
        GenericKubernetesResource body = VmManifest.of(spec, settings);
        String doing = "creating VM " + spec.name() + " for " + spec.request();
        try {
            GenericKubernetesResource created = vms().resource(body).create();
            log.info("Created KubeVirt VM {}/{} for {} ({})", namespace, spec.name(), spec.request(), spec.image());
            return VmStates.of(created, null);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw failures.of(e, doing);
            }
        }
        return adopt(spec);
    }

    /** The VM another attempt (or another hub) created a moment ago, if it is this request's. */
    private VmState adopt(VmSpec spec) {
        String doing = "reading existing VM " + spec.name();
        GenericKubernetesResource existing = call(doing, () -> vms().withName(spec.name()).get());
        if (existing == null || existing.getMetadata().getDeletionTimestamp() != null) {
            // Kubernetes answers 409 for a name whose VM is still being deleted; a retry creates it afresh.
            throw failures.retryable("VM " + spec.name() + " already exists but is being deleted", null);
        }
        Map<String, String> labels = existing.getMetadata().getLabels();
        String owner = labels == null ? null : labels.get(KubeVirt.REQUEST_LABEL);
        if (!spec.request().equals(owner)) {
            throw failures.permanent("VM name " + spec.name() + " is taken by "
                    + (owner == null ? "a VM the hub did not create" : owner) + ", not " + spec.request(), null);
        }
        log.debug("KubeVirt VM {}/{} of {} already exists; keeping it", namespace, spec.name(), spec.request());
        GenericKubernetesResource vmi = call("reading the instance of VM " + spec.name(),
                () -> vmis().withName(spec.name()).get());
        return VmStates.of(existing, vmi);
    }

    @Override
    public List<VmState> forRequest(String request) {
        Names.labelValue("request", request, true);
        String doing = "listing the VMs of " + request;
        List<GenericKubernetesResource> found = call(doing,
                () -> vms().withLabel(KubeVirt.REQUEST_LABEL, request).list().getItems());
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, GenericKubernetesResource> instances = new HashMap<>();
        call("listing the VM instances of " + request, () -> vmis().withLabel(KubeVirt.REQUEST_LABEL, request).list())
                .getItems().forEach(vmi -> instances.put(vmi.getMetadata().getName(), vmi));
        return found.stream()
                .map(vm -> VmStates.of(vm, instances.get(vm.getMetadata().getName())))
                .sorted(Comparator.comparing(VmState::name))
                .toList();
    }

    @Override
    public List<VmState> awaitReady(List<String> names, Duration timeout, BiConsumer<Integer, Integer> progress) {
        Objects.requireNonNull(names, "names");
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(names));
        distinct.forEach(name -> Names.dnsLabel("VM name", name));
        Duration wait = timeout == null ? settings.readyTimeout() : timeout;
        if (wait.isNegative() || wait.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + wait);
        }
        if (distinct.isEmpty()) {
            if (progress != null) {
                progress.accept(0, 0);
            }
            return List.of();
        }
        // A plain read first: a refusal or a dead API server then fails here, cleanly, instead of inside an
        // informer, which logs its own failures as errors with stack traces.
        call("reading VM " + distinct.get(0), () -> vms().withName(distinct.get(0)).get());
        return new ReadinessWatch(client, namespace, failures, distinct).await(wait, progress);
    }

    @Override
    public List<String> deleteForRequest(String request) {
        Names.labelValue("request", request, true);
        List<GenericKubernetesResource> found = call("listing the VMs of " + request + " to delete them",
                () -> vms().withLabel(KubeVirt.REQUEST_LABEL, request).list().getItems());
        List<String> deleted = new ArrayList<>();
        // One by one rather than one delete-collection call: that needs a right of its own (deletecollection),
        // and its answer does not say reliably what it removed.
        for (GenericKubernetesResource vm : found) {
            String name = vm.getMetadata().getName();
            List<StatusDetails> gone = call("deleting VM " + name + " of " + request,
                    () -> vms().withName(name).delete());
            if (!gone.isEmpty()) {
                deleted.add(name);
                log.info("Deleted KubeVirt VM {}/{} of {}", namespace, name, request);
            }
        }
        deleted.sort(Comparator.naturalOrder());
        return List.copyOf(deleted);
    }

    /** Closes the client when this made it. */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> vms() {
        return kind(KubeVirt.VIRTUAL_MACHINE);
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> vmis() {
        return kind(KubeVirt.VIRTUAL_MACHINE_INSTANCE);
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> kind(ResourceDefinitionContext context) {
        return client.genericKubernetesResources(context).inNamespace(namespace);
    }

    private <T> T call(String doing, Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw failures.of(e, doing);
        }
    }
}
