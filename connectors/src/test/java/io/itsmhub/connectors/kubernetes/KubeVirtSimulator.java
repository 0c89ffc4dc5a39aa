package io.itsmhub.connectors.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulator of a Kubernetes cluster with KubeVirt: no real cluster runs in this build, so fabric8's
 * {@link KubernetesMockServer} in CRUD mode plays the API server (it keeps what is POSTed, answers GET, list with
 * label selectors, PUT/PATCH, DELETE and watches, for any kind it is told about), and a small controller plays
 * KubeVirt. What it reproduces:
 * <ul>
 * <li>The kinds {@code kubevirt.io/v1 VirtualMachine} and {@code VirtualMachineInstance}, namespaced, each with
 *     a {@code status} subresource as KubeVirt's CRDs have: a create or update drops the status, only
 *     {@code …/status} sets it.</li>
 * <li>Bearer-token authentication: a request without {@link #TOKEN} is answered 401 Unauthorized.</li>
 * <li>Namespaces: creating in any namespace but {@link #NAMESPACE} (and those added by {@link #namespace}) is
 *     answered 404 {@code namespaces "x" not found}; lists there are empty, as on a real API server.</li>
 * <li>KubeVirt, per VM created: at once {@code printableStatus: Starting}; after {@link #readyAfter} the
 *     VirtualMachineInstance of the same name, with the template's labels, an owner reference,
 *     {@code status.phase: Running} and {@code status.interfaces[0].ipAddress} 10.0.x.y (distinct per VM), then
 *     the VM's status {@code printableStatus: Running, ready: true}. Or, per {@link #failWith}/{@link #failNext},
 *     a failed status with KubeVirt's conditions (PodScheduled=False for unschedulable VMs, Failure=True
 *     otherwise); or, per {@link #stall}, never anything more. Deleting a VM deletes its instance (KubeVirt's
 *     owner reference, which the mock does not garbage-collect).</li>
 * <li>Refusals: {@link #refuse} answers every request of the hub with one status, e.g. 403 or 503.</li>
 * </ul>
 * {@link #client()} is a back door (its requests are never refused) for tests to look and to arrange; the hub
 * under test connects with {@link #settings()}. For one-off answers, {@link #server()}'s expectations take
 * precedence over CRUD ({@code server().expect().post().withPath(…).andReturn(422, status).once()}).
 * <pre>{@code
 * try (KubeVirtSimulator kubevirt = KubeVirtSimulator.start();
 *      KubeVirtMachines vms = new KubeVirtMachines(kubevirt.settings())) {
 *     kubevirt.readyAfter(Duration.ofMillis(300));
 *     vms.ensure(VmSpec.of("req-000012-1", "REQ-000012", 2, 4, 20, "debian-12"));
 *     vms.awaitReady(List.of("req-000012-1"), Duration.ofSeconds(10), null);
 * }
 * }</pre>
 */
public final class KubeVirtSimulator implements AutoCloseable {

    public static final String NAMESPACE = "itsm-vms";
    public static final String TOKEN = "sim-3f9c2e1d7b6a5948-token";

    private static final Logger log = LoggerFactory.getLogger(KubeVirtSimulator.class);
    // The mock web server logs every request at INFO through java.util.logging; held here so the level sticks.
    private static final java.util.logging.Logger MOCK_WEB_SERVER_LOG =
            java.util.logging.Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");
    private static final String BACK_DOOR = "X-KubeVirt-Simulator";
    private static final Pattern VM_PATH =
            Pattern.compile("^/apis/kubevirt\\.io/v1/namespaces/([^/]+)/virtualmachines(?:/([^/?]+))?(/status)?(?:\\?.*)?$");

    private sealed interface Outcome permits Ready, Failure, Stall { }

    private record Ready() implements Outcome { }

    private record Failure(String status, String reason) implements Outcome { }

    private record Stall() implements Outcome { }

    private record Refusal(int code, String reason, String message) { }

    private final Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
    private final Set<String> namespaces = ConcurrentHashMap.newKeySet();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger addresses = new AtomicInteger();
    private final ScheduledExecutorService controller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kubevirt-simulator");
        thread.setDaemon(true);
        return thread;
    });
    private final KubernetesMockServer server;
    private KubernetesClient client;

    // Guarded by this.
    private Duration readyAfter = Duration.ofMillis(200);
    private Outcome standing = new Ready();
    private final Deque<Outcome> next = new ArrayDeque<>();
    private Refusal refusal;

    private KubeVirtSimulator() {
        MOCK_WEB_SERVER_LOG.setLevel(Level.WARNING);
        namespaces.add(NAMESPACE);
        server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
                new ApiServer(), false);
    }

    /** Starts the API server on a random loopback port, with KubeVirt's kinds registered. */
    public static KubeVirtSimulator start() {
        KubeVirtSimulator simulator = new KubeVirtSimulator();
        simulator.server.init();
        simulator.client = simulator.backDoorClient();
        return simulator;
    }

    /** How long the simulated KubeVirt takes from a new VM to its outcome; default 200 ms. */
    public synchronized KubeVirtSimulator readyAfter(Duration delay) {
        this.readyAfter = delay;
        return this;
    }

    /** Every VM created from now on fails so, e.g. {@code ("ErrorUnschedulable", "0/3 nodes are available…")}. */
    public synchronized KubeVirtSimulator failWith(String printableStatus, String reason) {
        standing = new Failure(printableStatus, reason);
        return this;
    }

    /** The next {@code count} VMs created fail so; the ones after them behave as before. */
    public synchronized KubeVirtSimulator failNext(int count, String printableStatus, String reason) {
        for (int i = 0; i < count; i++) {
            next.add(new Failure(printableStatus, reason));
        }
        return this;
    }

    /** Every VM created from now on stays {@code Starting} forever. */
    public synchronized KubeVirtSimulator stall() {
        standing = new Stall();
        return this;
    }

    /** VMs created from now on become ready again (the default). */
    public synchronized KubeVirtSimulator healthy() {
        standing = new Ready();
        next.clear();
        return this;
    }

    /** Answers every request of the hub with this status until {@link #accept()}, e.g. 403 Forbidden. */
    public synchronized KubeVirtSimulator refuse(int code, String reason, String message) {
        refusal = new Refusal(code, reason, message);
        return this;
    }

    /** Stops refusing. */
    public synchronized KubeVirtSimulator accept() {
        refusal = null;
        return this;
    }

    /** Another namespace the hub may create VMs in. */
    public KubeVirtSimulator namespace(String name) {
        namespaces.add(name);
        return this;
    }

    /** The API server's URL, e.g. {@code http://localhost:40123/}. */
    public URI url() {
        return URI.create(server.url("/"));
    }

    /** A client of the back door: the tests' view of the cluster, never refused. */
    public KubernetesClient client() {
        return client;
    }

    /** The mock server itself, for expectations (one-off answers) that take precedence over CRUD. */
    public KubernetesMockServer server() {
        return server;
    }

    /** Settings for the hub: this API server, namespace {@code itsm-vms}, the token, short timeouts. */
    public KubernetesSettings settings() {
        return new KubernetesSettings(url(), NAMESPACE, TOKEN, false, Duration.ofSeconds(30), Duration.ofSeconds(5),
                null, null, null, null);
    }

    /** How many VirtualMachines were ever created (successful POSTs): for "no duplicate" assertions. */
    public int createdCount() {
        return created.get();
    }

    /** The VirtualMachines in {@link #NAMESPACE} now, by name. */
    public List<GenericKubernetesResource> vms() {
        return client.genericKubernetesResources(KubeVirt.VIRTUAL_MACHINE).inNamespace(NAMESPACE).list().getItems()
                .stream().sorted(Comparator.comparing(vm -> vm.getMetadata().getName())).toList();
    }

    /** One VirtualMachine in {@link #NAMESPACE}, or null. */
    public GenericKubernetesResource vm(String name) {
        return client.genericKubernetesResources(KubeVirt.VIRTUAL_MACHINE).inNamespace(NAMESPACE).withName(name).get();
    }

    /** One VirtualMachineInstance in {@link #NAMESPACE}, or null. */
    public GenericKubernetesResource vmi(String name) {
        return client.genericKubernetesResources(KubeVirt.VIRTUAL_MACHINE_INSTANCE).inNamespace(NAMESPACE)
                .withName(name).get();
    }

    @Override
    public void close() {
        controller.shutdownNow();
        if (client != null) {
            client.close();
        }
        server.destroy();
    }

    private KubernetesClient backDoorClient() {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(server.url("/"))
                .withNamespace(NAMESPACE)
                .withOauthToken(TOKEN)
                .withRequestRetryBackoffLimit(0)
                .addToCustomHeaders(BACK_DOOR, "true")
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private synchronized Refusal refusal() {
        return refusal;
    }

    private synchronized Outcome nextOutcome() {
        return next.isEmpty() ? standing : next.poll();
    }

    private synchronized Duration delay() {
        return readyAfter;
    }

    /** The API server's side: authentication, refusals and namespaces before CRUD; KubeVirt's hooks after. */
    private final class ApiServer extends KubernetesMixedDispatcher {

        ApiServer() {
            super(expectations, List.of(crd(KubeVirt.VIRTUAL_MACHINE), crd(KubeVirt.VIRTUAL_MACHINE_INSTANCE)));
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            boolean backDoor = request.getHeader(BACK_DOOR) != null;
            Refusal refused = refusal();
            if (refused != null && !backDoor) {
                return status(refused.code(), refused.reason(), refused.message());
            }
            if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
                return status(401, "Unauthorized", "Unauthorized");
            }
            Matcher vmPath = VM_PATH.matcher(request.getPath());
            boolean vmCollection = vmPath.matches() && vmPath.group(2) == null;
            if (vmCollection && "POST".equals(request.getMethod()) && !namespaces.contains(vmPath.group(1))) {
                return status(404, "NotFound", "namespaces \"" + vmPath.group(1) + "\" not found");
            }
            // Read before CRUD does: reading the body consumes it (getBytes() does not).
            byte[] body = request.getBody() == null ? new byte[0] : request.getBody().getBytes();
            MockResponse response = super.dispatch(request);
            // Whatever goes wrong below must not escape: the mock server would never answer the request.
            try {
                if (vmCollection && "POST".equals(request.getMethod()) && response.code() == 201) {
                    created.incrementAndGet();
                    GenericKubernetesResource vm = Serialization.unmarshal(
                            new String(body, StandardCharsets.UTF_8), GenericKubernetesResource.class);
                    onCreated(vmPath.group(1), vm.getMetadata().getName());
                } else if (vmPath.matches() && "DELETE".equals(request.getMethod()) && response.code() == 200) {
                    controller.execute(() -> guarded("orphans", () -> deleteOrphans(vmPath.group(1))));
                }
            } catch (RuntimeException e) {
                log.warn("Simulated KubeVirt missed {} {}", request.getMethod(), request.getPath(), e);
            }
            return response;
        }

        private MockResponse status(int code, String reason, String message) {
            Status status = new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason)
                    .withMessage(message).build();
            return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                    .setBody(Serialization.asJson(status));
        }
    }

    private static CustomResourceDefinitionContext crd(ResourceDefinitionContext kind) {
        return new CustomResourceDefinitionContext.Builder()
                .withGroup(kind.getGroup())
                .withVersion(kind.getVersion())
                .withKind(kind.getKind())
                .withPlural(kind.getPlural())
                .withScope("Namespaced")
                .withStatusSubresource(true)
                .build();
    }

    // ---- the simulated KubeVirt, on its own thread --------------------------------------------------------

    private void onCreated(String namespace, String name) {
        Outcome outcome = nextOutcome();
        controller.execute(() -> guarded(name, () -> setStatus(namespace, name, starting())));
        if (outcome instanceof Stall) {
            return;
        }
        controller.schedule(() -> guarded(name, () -> {
            if (outcome instanceof Failure failure) {
                setStatus(namespace, name, failed(failure));
            } else {
                startInstance(namespace, name);
            }
        }), delay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void startInstance(String namespace, String name) {
        GenericKubernetesResource vm = vms(namespace).withName(name).get();
        if (vm == null) {
            return; // deleted before KubeVirt got to it
        }
        int n = addresses.getAndIncrement();
        String ip = "10.0." + (n / 250) + "." + (n % 250 + 2);
        Map<?, ?> template = KubeVirt.map(KubeVirt.section(vm, "spec").get("template"));
        @SuppressWarnings("unchecked")
        Map<String, String> labels = (Map<String, String>) KubeVirt.map(KubeVirt.map(template.get("metadata"))
                .get("labels"));
        GenericKubernetesResource vmi = new GenericKubernetesResourceBuilder()
                .withApiVersion(KubeVirt.API_VERSION)
                .withKind(KubeVirt.VIRTUAL_MACHINE_INSTANCE.getKind())
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(labels)
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(KubeVirt.API_VERSION)
                        .withKind(KubeVirt.VIRTUAL_MACHINE.getKind()).withName(name)
                        .withUid(vm.getMetadata().getUid()).withController(true).build())
                .endMetadata()
                .build();
        vmi.setAdditionalProperty("spec", template.get("spec"));
        GenericKubernetesResource instance = vmis(namespace).resource(vmi).create();
        instance.setAdditionalProperty("status", Map.of(
                "phase", "Running",
                "interfaces", List.of(Map.of("name", "default", "ipAddress", ip, "ipAddresses", List.of(ip))),
                "conditions", List.of(Map.of("type", "Ready", "status", "True"))));
        vmis(namespace).resource(instance).updateStatus();
        setStatus(namespace, name, Map.of(
                "printableStatus", "Running",
                "ready", true,
                "created", true,
                "conditions", List.of(Map.of("type", "Ready", "status", "True"))));
    }

    private static Map<String, Object> starting() {
        return Map.of("printableStatus", "Starting", "ready", false, "created", false);
    }

    /** KubeVirt's own picture: scheduling failures as the pod's PodScheduled condition, others as Failure. */
    private static Map<String, Object> failed(Failure failure) {
        boolean unschedulable = failure.status().contains("Unschedulable");
        Map<String, Object> cause = new LinkedHashMap<>();
        cause.put("type", unschedulable ? "PodScheduled" : "Failure");
        cause.put("status", unschedulable ? "False" : "True");
        cause.put("reason", unschedulable ? "Unschedulable" : failure.status());
        cause.put("message", failure.reason());
        return Map.of(
                "printableStatus", failure.status(),
                "ready", false,
                "created", true,
                "conditions", List.of(
                        Map.of("type", "Ready", "status", "False", "reason", "GuestNotRunning",
                                "message", "Guest VM is not reported as running"),
                        cause));
    }

    private void setStatus(String namespace, String name, Map<String, Object> status) {
        GenericKubernetesResource vm = vms(namespace).withName(name).get();
        if (vm == null) {
            return;
        }
        vm.setAdditionalProperty("status", status);
        vms(namespace).resource(vm).updateStatus();
    }

    /** KubeVirt's garbage collection, which the mock server does not do: no instance outlives its VM. */
    private void deleteOrphans(String namespace) {
        for (GenericKubernetesResource vmi : vmis(namespace).list().getItems()) {
            String name = vmi.getMetadata().getName();
            if (vms(namespace).withName(name).get() == null) {
                vmis(namespace).withName(name).delete();
            }
        }
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> vms(String namespace) {
        return client.genericKubernetesResources(KubeVirt.VIRTUAL_MACHINE).inNamespace(namespace);
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> vmis(String namespace) {
        return client.genericKubernetesResources(KubeVirt.VIRTUAL_MACHINE_INSTANCE).inNamespace(namespace);
    }

    /** A controller step failing (the VM deleted meanwhile, the simulator closing) must not stop the others. */
    private static void guarded(String name, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.debug("Simulated KubeVirt could not update VM {}: {}", name, e.toString());
        }
    }
}
