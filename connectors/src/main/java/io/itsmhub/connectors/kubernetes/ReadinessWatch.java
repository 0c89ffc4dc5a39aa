package io.itsmhub.connectors.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.itsmhub.connectors.ConnectorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * One {@code awaitReady}: two fabric8 informers (list, then watch, re-listing by themselves when a watch breaks)
 * on the namespace's VirtualMachines and VirtualMachineInstances, and the calling thread waking up on each
 * event about one of the named VMs. Informers rather than a bare watch, because a watch the API server closes
 * (it does, every few minutes, or with 410 Gone) would otherwise need the same list-and-rewatch by hand.
 */
final class ReadinessWatch {

    private final KubernetesClient client;
    private final String namespace;
    private final KubeFailures failures;
    private final List<String> names;
    private final Set<String> wanted;
    private final Semaphore changed = new Semaphore(0);
    private final AtomicReference<Throwable> informerFailure = new AtomicReference<>();

    ReadinessWatch(KubernetesClient client, String namespace, KubeFailures failures, List<String> names) {
        this.client = client;
        this.namespace = namespace;
        this.failures = failures;
        this.names = List.copyOf(names);
        this.wanted = Set.copyOf(names);
    }

    List<VmState> await(Duration timeout, BiConsumer<Integer, Integer> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SharedIndexInformer<GenericKubernetesResource> vms = null;
        SharedIndexInformer<GenericKubernetesResource> vmis = null;
        try {
            vms = start(KubeVirt.VIRTUAL_MACHINE, deadline, timeout);
            vmis = start(KubeVirt.VIRTUAL_MACHINE_INSTANCE, deadline, timeout);
            int reported = -1;
            while (true) {
                List<VmState> states = new ArrayList<>(names.size());
                for (String name : names) {
                    states.add(stateOf(name, vms, vmis));
                }
                List<VmState> failed = states.stream().filter(s -> s != null && s.failed()).toList();
                if (!failed.isEmpty()) {
                    throw failures.permanent(failed.stream()
                            .map(s -> "VM " + s.name() + " failed: " + s.printableStatus() + ": " + s.failure())
                            .collect(Collectors.joining("; ")), null);
                }
                int ready = (int) states.stream().filter(s -> s != null && s.ready()).count();
                if (ready != reported && progress != null) {
                    progress.accept(ready, names.size());
                }
                reported = ready;
                if (states.stream().allMatch(s -> s != null && s.ready() && s.ip() != null)) {
                    return states;
                }
                checkInformers(vms, vmis);
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw timedOut(timeout, states);
                }
                // Woken by any event about one of the VMs; a missed wake-up costs nothing, the loop re-reads.
                changed.tryAcquire(remaining, TimeUnit.NANOSECONDS);
                changed.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.retryable("interrupted while waiting for VMs " + names + " to become ready", e);
        } finally {
            close(vms);
            close(vmis);
        }
    }

    private SharedIndexInformer<GenericKubernetesResource> start(
            ResourceDefinitionContext kind, long deadline, Duration timeout)
            throws InterruptedException {
        String doing = "watching the " + kind.getPlural() + " of namespace '" + namespace + "'";
        SharedIndexInformer<GenericKubernetesResource> informer;
        try {
            informer = client.genericKubernetesResources(kind).inNamespace(namespace).runnableInformer(0);
        } catch (KubernetesClientException e) {
            throw failures.of(e, doing);
        }
        informer.addEventHandler(new Wakeup());
        informer.exceptionHandler((started, t) -> {
            // Before the first list the failure goes to the caller, who classifies it; once running, the
            // informer outlasts broken connections by itself, and stops only on an answer a retry cannot change.
            boolean retry = started && (KubeFailures.noAnswer(t) || !(t instanceof KubernetesClientException k)
                    || k.getCode() <= 0 || ConnectorException.isRetryableStatus(k.getCode()) || k.getCode() == 410);
            if (!retry) {
                informerFailure.compareAndSet(null, t);
            }
            return retry;
        });
        informer.stopped().whenComplete((ignored, failure) -> changed.release());
        try {
            long remaining = Math.max(0, deadline - System.nanoTime());
            informer.start().toCompletableFuture().get(remaining, TimeUnit.NANOSECONDS);
            return informer;
        } catch (ExecutionException e) {
            close(informer);
            throw failure(e.getCause(), doing);
        } catch (TimeoutException e) {
            close(informer);
            throw failures.retryable(doing + " did not start within " + timeout, e);
        } catch (InterruptedException e) {
            close(informer);
            throw e;
        }
    }

    private VmState stateOf(String name, SharedIndexInformer<GenericKubernetesResource> vms,
            SharedIndexInformer<GenericKubernetesResource> vmis) {
        String key = namespace + "/" + name;
        GenericKubernetesResource vm = vms.getStore().getByKey(key);
        return vm == null ? null : VmStates.of(vm, vmis.getStore().getByKey(key));
    }

    private void checkInformers(SharedIndexInformer<?>... informers) {
        for (SharedIndexInformer<?> informer : informers) {
            if (informer.stopped().toCompletableFuture().isDone()) {
                Throwable cause = informerFailure.get();
                throw cause != null ? failure(cause, "watching VMs " + names)
                        : failures.retryable("the watch of VMs " + names + " stopped", null);
            }
        }
    }

    private ConnectorException failure(Throwable thrown, String doing) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof KubernetesClientException k) {
                return failures.of(k, doing);
            }
        }
        return KubeFailures.noAnswer(thrown)
                ? failures.retryable(doing + " failed: no answer (" + thrown + ")", thrown)
                : failures.permanent(doing + " failed: " + thrown, thrown);
    }

    private ConnectorException timedOut(Duration timeout, List<VmState> states) {
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            VmState state = states.get(i);
            if (state == null) {
                waiting.add(names.get(i) + " (not found)");
            } else if (!state.ready()) {
                waiting.add(state.name() + " (" + (state.printableStatus() == null ? "no status yet"
                        : state.printableStatus()) + ")");
            } else if (state.ip() == null) {
                waiting.add(state.name() + " (" + state.printableStatus() + ", no IP address yet)");
            }
        }
        return failures.retryable("VMs not ready after " + timeout + ": " + String.join(", ", waiting), null);
    }

    private static void close(SharedIndexInformer<?> informer) {
        if (informer != null) {
            informer.close();
        }
    }

    /** Wakes the waiting thread on any event about one of the named VMs or their instances. */
    private final class Wakeup implements ResourceEventHandler<GenericKubernetesResource> {

        @Override
        public void onAdd(GenericKubernetesResource resource) {
            wake(resource);
        }

        @Override
        public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource resource) {
            wake(resource);
        }

        @Override
        public void onDelete(GenericKubernetesResource resource, boolean finalStateUnknown) {
            wake(resource);
        }

        private void wake(GenericKubernetesResource resource) {
            if (resource.getMetadata() != null && wanted.contains(resource.getMetadata().getName())) {
                changed.release();
            }
        }
    }
}
