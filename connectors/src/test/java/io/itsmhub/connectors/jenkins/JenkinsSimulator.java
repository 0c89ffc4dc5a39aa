package io.itsmhub.connectors.jenkins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulator of Jenkins' remote API on the JDK's {@code HttpServer}: Jenkins itself (a servlet application
 * with plugins) cannot run in this build, so this reproduces, on a random loopback port, the requests and
 * answers of a Jenkins 2.4xx with pipeline jobs that the hub's client depends on. What it reproduces:
 * <ul>
 * <li>Basic authentication on every request: no credentials answer 403 "Authentication required" (Jenkins with
 *     anonymous read off), wrong ones 401 with {@code WWW-Authenticate: Basic realm="Jenkins"}; a user without
 *     build permission gets 403 on triggers and stops, 422 on cancelling a queue item.</li>
 * <li>The CSRF crumb issuer ({@code /crumbIssuer/api/json}, and {@code /crumbIssuer/api/xml} with the xpath
 *     {@code concat(//crumbRequestField,":",//crumb)} that jenkins-rest uses), switchable; when on, a POST without
 *     the user's valid {@code Jenkins-Crumb} header is refused with 403 "No valid crumb was included in the
 *     request", even with an API token (real Jenkins exempts token requests; strict here so tests prove the
 *     client sends it); when off, the crumb issuer is 404. Crumbs are bound to the user, not to a session: the
 *     JDK server writes {@code Set-cookie}, which jenkins-rest 1.0.2 looks up case-sensitively and would miss.</li>
 * <li>{@code POST job/…/build} and {@code buildWithParameters} (form body or query): 201 with an absolute
 *     {@code Location: …/queue/item/N/}; undeclared parameters are dropped, declared ones default; a trigger
 *     identical to an item still waiting answers that item (Jenkins' queue merges them); unknown job 404;
 *     {@code buildWithParameters} on a job without parameters 500 "This build is not parameterized!".</li>
 * <li>Queue items ({@code queue/item/N/api/json}, {@code queue/api/json}) as {@code Queue$WaitingItem} with
 *     {@code why}, then {@code Queue$LeftItem} with {@code executable} or {@code cancelled}; {@code
 *     queue/cancelItem?id=N}: 204, 500 once the item left the queue, 404 for unknown ids (Jenkins 2.4xx).</li>
 * <li>Jobs ({@code job/…/api/json} with {@code builds}, {@code lastBuild}, {@code nextBuildNumber}…) and
 *     builds ({@code job/…/N/api/json}: {@code building}, {@code result}, {@code timestamp}, {@code duration},
 *     {@code estimatedDuration}, {@code queueId}, the {@code ParametersAction}); {@code job/…/N/stop} aborts and
 *     answers 302 to the build page, as Jenkins does.</li>
 * <li>Jenkins starting up: {@link #unavailable(boolean)} answers 503 to everything.</li>
 * </ul>
 * Builds progress with wall-clock time, deterministically per {@link SimulatedJob} configuration; everything is
 * thread-safe. It records what it received for assertions: {@link #triggers(String)} and {@link #requests()}.
 * <pre>{@code
 * try (JenkinsSimulator jenkins = new JenkinsSimulator().start()) {
 *     jenkins.job("payments/deploy-prod").parameters("VERSION").queueFor(Duration.ofSeconds(1), "Waiting for next available executor");
 *     var client = new RestJenkinsClient(jenkins.settings());
 * }
 * }</pre>
 */
public final class JenkinsSimulator implements AutoCloseable {

    public static final String USER = "hub";
    public static final String API_TOKEN = "11a0f3c2d4e5b6a7980c1d2e3f4a5b6c7d";
    public static final String CRUMB_FIELD = "Jenkins-Crumb";
    static final String VERSION = "2.479.3";
    private static final String WORKFLOW_JOB = "org.jenkinsci.plugins.workflow.job.WorkflowJob";
    private static final String WORKFLOW_RUN = "org.jenkinsci.plugins.workflow.job.WorkflowRun";
    private static final String CRUMB_XPATH = "concat(//crumbRequestField,\":\",//crumb)";
    private static final Pattern JOB_PATH = Pattern.compile("^/((?:job/[^/]+/)*job/[^/]+)/(.*)$");

    private record Account(String token, boolean mayBuild) { }

    /** One queue item; guarded by the simulator. */
    static final class Item {
        final long id;
        final SimulatedJob job;
        final Map<String, String> parameters;
        final String user;
        final long inQueueSince;
        long startAt;
        boolean cancelled;
        Build build;

        Item(long id, SimulatedJob job, Map<String, String> parameters, String user, long inQueueSince, long startAt) {
            this.id = id;
            this.job = job;
            this.parameters = parameters;
            this.user = user;
            this.inQueueSince = inQueueSince;
            this.startAt = startAt;
        }

        boolean waiting() {
            return !cancelled && build == null;
        }
    }

    /** One build; guarded by the simulator. */
    static final class Build {
        final int number;
        final Item item;
        final long startedAt;
        long endAt;
        String result;
        final long estimated;

        Build(int number, Item item, long startedAt, long endAt, String result, long estimated) {
            this.number = number;
            this.item = item;
            this.startedAt = startedAt;
            this.endAt = endAt;
            this.result = result;
            this.estimated = estimated;
        }

        boolean building(long now) {
            return now < endAt;
        }
    }

    private final String contextPath;
    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, SimulatedJob> jobs = new LinkedHashMap<>();
    private final Map<Long, Item> items = new LinkedHashMap<>();
    private final List<String> requests = new ArrayList<>();
    private long nextQueueId = 1;
    private volatile boolean crumbIssuer = true;
    private volatile boolean unavailable;
    private volatile String crumbSalt = UUID.randomUUID().toString();
    private HttpServer server;
    private ExecutorService executor;

    /** A Jenkins at the root of its port, with user {@link #USER} / {@link #API_TOKEN} allowed to build. */
    public JenkinsSimulator() {
        this("");
    }

    /** A Jenkins under a path prefix, like {@code java -jar jenkins.war --prefix=/jenkins}. */
    public JenkinsSimulator(String contextPath) {
        this.contextPath = contextPath.replaceAll("/+$", "");
        user(USER, API_TOKEN);
    }

    /** Adds (or replaces) a user allowed to build, cancel and stop. Replacing a token revokes the old one. */
    public JenkinsSimulator user(String name, String apiToken) {
        accounts.put(name, new Account(apiToken, true));
        return this;
    }

    /** Adds a user with read permission only: 403 on triggers and stops, 422 on cancelling queue items. */
    public JenkinsSimulator readOnlyUser(String name, String apiToken) {
        accounts.put(name, new Account(apiToken, false));
        return this;
    }

    /** Switches the CSRF crumb issuer on (the default, as in Jenkins since 2.222) or off. */
    public JenkinsSimulator crumbIssuer(boolean on) {
        this.crumbIssuer = on;
        return this;
    }

    /** Invalidates every crumb issued so far, as a Jenkins restart or an expired session does. */
    public void invalidateCrumbs() {
        crumbSalt = UUID.randomUUID().toString();
    }

    /** While true, every request gets 503, as while Jenkins starts up. */
    public JenkinsSimulator unavailable(boolean unavailable) {
        this.unavailable = unavailable;
        return this;
    }

    /**
     * The job with this full name ("folder/sub/name"), created on first use as a job without parameters, which
     * Jenkins triggers with {@code build} only ({@code buildWithParameters} answers 500): declare the parameters
     * a test sends with {@link SimulatedJob#parameters}.
     */
    public SimulatedJob job(String fullName) {
        String name = fullName.replaceAll("^/+|/+$", "");
        synchronized (this) {
            return jobs.computeIfAbsent(name, n -> new SimulatedJob(this, n));
        }
    }

    /** The trigger requests that reached this job (none when the job does not exist). */
    public List<SimulatedJob.Trigger> triggers(String jobPath) {
        synchronized (this) {
            SimulatedJob job = jobs.get(jobPath.replaceAll("^/+|/+$", ""));
            return job == null ? List.of() : List.copyOf(job.triggers);
        }
    }

    /** Every request received, as "METHOD /path?query" relative to the context path, oldest first. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Starts listening on a random loopback port. */
    public JenkinsSimulator start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Threads, not one: slow answers must not hold up the client's other requests.
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "jenkins-simulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(contextPath.isEmpty() ? "/" : contextPath + "/", this::handle);
        server.start();
        return this;
    }

    /** Jenkins' root URL, with a trailing slash as Jenkins writes it. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + contextPath + "/");
    }

    /** Client settings for user {@link #USER}. */
    public JenkinsSettings settings() {
        return JenkinsSettings.of(url(), USER, API_TOKEN);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    // ---- time ----

    /** Starts the builds whose queue wait is over, in the order they became due; builds end by their clock. */
    synchronized void advance() {
        long now = System.currentTimeMillis();
        items.values().stream()
                .filter(item -> item.waiting() && item.startAt <= now)
                .sorted((a, b) -> a.startAt != b.startAt ? Long.compare(a.startAt, b.startAt) : Long.compare(a.id, b.id))
                .forEach(this::startBuild);
    }

    private void startBuild(Item item) {
        SimulatedJob job = item.job;
        long end = job.holdRunning ? Long.MAX_VALUE : item.startAt + job.buildDuration.toMillis();
        long estimate = job.estimatedDuration != null ? job.estimatedDuration.toMillis() : job.buildDuration.toMillis();
        item.build = new Build(job.nextBuildNumber++, item, item.startAt, end, job.result, estimate);
        job.builds.add(0, item.build);
    }

    synchronized void release(SimulatedJob job) {
        long now = System.currentTimeMillis();
        for (Item item : items.values()) {
            if (item.job == job && item.waiting() && item.startAt == Long.MAX_VALUE) {
                item.startAt = now;
            }
        }
        advance();
        for (Build build : job.builds) {
            if (build.endAt == Long.MAX_VALUE) {
                build.endAt = now;
            }
        }
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath().substring(contextPath.length());
            String query = exchange.getRequestURI().getRawQuery();
            synchronized (requests) {
                requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
            }
            exchange.getResponseHeaders().set("X-Jenkins", VERSION);
            exchange.getResponseHeaders().set("X-Hudson", "1.395");
            if (unavailable) {
                html(exchange, 503, "Starting Jenkins", "Please wait while Jenkins is getting ready to work...");
                return;
            }
            String user = authenticate(exchange);
            if (user == null) {
                return;
            }
            Map<String, String> form = "POST".equals(exchange.getRequestMethod()) ? form(exchange) : Map.of();
            if ("POST".equals(exchange.getRequestMethod()) && crumbIssuer
                    && !crumb(user).equals(exchange.getRequestHeaders().getFirst(CRUMB_FIELD))) {
                html(exchange, 403, "Error 403 No valid crumb was included in the request",
                        "No valid crumb was included in the request");
                return;
            }
            route(exchange, user, path, form);
        } catch (RuntimeException e) {
            html(exchange, 500, "Jenkins crashed", e.toString());
        }
    }

    private void route(HttpExchange exchange, String user, String path, Map<String, String> form) throws IOException {
        String method = exchange.getRequestMethod();
        Matcher job = JOB_PATH.matcher(path);
        if (path.startsWith("/crumbIssuer/api/") && method.equals("GET")) {
            crumbIssuer(exchange, user, path);
        } else if (path.equals("/queue/api/json") && method.equals("GET")) {
            json(exchange, 200, queue());
        } else if (path.matches("/queue/item/\\d+/api/json") && method.equals("GET")) {
            queueItem(exchange, Long.parseLong(path.split("/")[3]));
        } else if (path.equals("/queue/cancelItem") && method.equals("POST")) {
            cancelItem(exchange, user, form.get("id"));
        } else if (job.matches()) {
            job(exchange, user, fullName(job.group(1)), job.group(2), form);
        } else {
            notFound(exchange);
        }
    }

    private void job(HttpExchange exchange, String user, String fullName, String rest, Map<String, String> form)
            throws IOException {
        String method = exchange.getRequestMethod();
        SimulatedJob job;
        synchronized (this) {
            advance();
            job = jobs.get(fullName);
        }
        if (job == null) {
            notFound(exchange);
            return;
        }
        Matcher build = Pattern.compile("^(\\d+)/(.*)$").matcher(rest);
        if (rest.equals("api/json") && method.equals("GET")) {
            json(exchange, 200, jobJson(job));
        } else if (rest.isEmpty()) {
            html(exchange, 200, job.fullName + " [Jenkins]", "Pipeline " + job.fullName);
        } else if ((rest.equals("build") || rest.equals("buildWithParameters")) && method.equals("POST")) {
            trigger(exchange, user, job, rest.equals("buildWithParameters"), form);
        } else if (build.matches()) {
            build(exchange, user, job, Integer.parseInt(build.group(1)), build.group(2));
        } else {
            notFound(exchange);
        }
    }

    private void trigger(HttpExchange exchange, String user, SimulatedJob job, boolean withParameters,
            Map<String, String> received) throws IOException {
        if (!accounts.get(user).mayBuild()) {
            html(exchange, 403, "Access Denied", user + " is missing the Job/Build permission");
            return;
        }
        Long queueId = null;
        int status;
        Duration delay = null;
        String error = null;
        synchronized (this) {
            if (job.failingTriggers > 0) {
                job.failingTriggers--;
                status = job.failingStatus;
                error = "Simulated failure " + status;
            } else if (withParameters && job.parameterDefinitions == null) {
                status = 500;
                error = "java.lang.IllegalStateException: This build is not parameterized!";
            } else if (!withParameters && job.parameterDefinitions != null) {
                status = 500;
                error = "javax.servlet.ServletException: This page expects a form submission but had only {}";
            } else {
                queueId = schedule(job, user, effectiveParameters(job, received));
                status = 201;
                delay = job.nextTriggerDelay;
                job.nextTriggerDelay = null;
            }
            job.triggers.add(new SimulatedJob.Trigger(user, Map.copyOf(received), status, queueId));
        }
        if (error != null) {
            html(exchange, status, "Error " + status, error);
            return;
        }
        if (delay != null) {
            sleep(delay);
        }
        exchange.getResponseHeaders().set("Location", url() + "queue/item/" + queueId + "/");
        exchange.sendResponseHeaders(201, -1);
    }

    private static Map<String, String> effectiveParameters(SimulatedJob job, Map<String, String> received) {
        Map<String, String> effective = new LinkedHashMap<>();
        if (job.parameterDefinitions != null) {
            job.parameterDefinitions.forEach((name, defaultValue) ->
                    effective.put(name, received.getOrDefault(name, defaultValue)));
        }
        return effective;
    }

    /** Queues a build, or answers the identical item still waiting (Jenkins' queue merges those). */
    private long schedule(SimulatedJob job, String user, Map<String, String> parameters) {
        for (Item item : items.values()) {
            if (item.job == job && item.waiting() && item.parameters.equals(parameters)) {
                return item.id;
            }
        }
        long now = System.currentTimeMillis();
        long startAt = job.holdInQueue ? Long.MAX_VALUE : now + job.queueWait.toMillis();
        Item item = new Item(nextQueueId++, job, parameters, user, now, startAt);
        items.put(item.id, item);
        return item.id;
    }

    private void build(HttpExchange exchange, String user, SimulatedJob job, int number, String rest)
            throws IOException {
        String method = exchange.getRequestMethod();
        Map<String, Object> answer = null;
        boolean exists;
        synchronized (this) {
            advance();
            Build build = job.builds.stream().filter(b -> b.number == number).findFirst().orElse(null);
            exists = build != null;
            if (exists && rest.equals("stop") && method.equals("POST") && accounts.get(user).mayBuild()) {
                long now = System.currentTimeMillis();
                if (build.building(now)) {
                    build.endAt = now;
                    build.result = "ABORTED";
                }
            }
            if (exists && rest.equals("api/json")) {
                answer = buildJson(build);
            }
        }
        if (!exists) {
            notFound(exchange);
        } else if (rest.equals("api/json") && method.equals("GET")) {
            json(exchange, 200, answer);
        } else if (rest.equals("stop") && method.equals("POST")) {
            if (!accounts.get(user).mayBuild()) {
                html(exchange, 403, "Access Denied", user + " is missing the Job/Cancel permission");
                return;
            }
            // Jenkins' forwardToPreviousPage: no Referer, so "." relative to …/N/stop, made absolute.
            exchange.getResponseHeaders().set("Location", jobUrl(job) + number + "/");
            exchange.sendResponseHeaders(302, -1);
        } else if (rest.isEmpty()) {
            html(exchange, 200, job.fullName + " #" + number + " [Jenkins]", "Build #" + number);
        } else {
            notFound(exchange);
        }
    }

    private void cancelItem(HttpExchange exchange, String user, String idText) throws IOException {
        long id;
        try {
            id = Long.parseLong(Objects.requireNonNull(idText));
        } catch (RuntimeException e) {
            html(exchange, 400, "Error 400", "Illegal id: " + idText);
            return;
        }
        int status;
        synchronized (this) {
            advance();
            Item item = items.get(id);
            if (item == null) {
                status = 404;
            } else if (!accounts.get(user).mayBuild()) {
                status = 422;
            } else if (item.waiting()) {
                item.cancelled = true;
                status = 204;
            } else {
                status = 500; // Queue.cancel(LeftItem) is false
            }
        }
        switch (status) {
            case 204 -> exchange.sendResponseHeaders(204, -1);
            case 404 -> html(exchange, 404, "Error 404", "Provided id (" + id + ") not found");
            case 422 -> html(exchange, 422, "Error 422", "Item for id (" + id + ") is not cancellable");
            default -> html(exchange, 500, "Error 500", "Could not cancel run for id " + id);
        }
    }

    private void queueItem(HttpExchange exchange, long id) throws IOException {
        Map<String, Object> answer;
        synchronized (this) {
            advance();
            Item item = items.get(id);
            answer = item == null ? null : itemJson(item);
        }
        if (answer == null) {
            notFound(exchange);
        } else {
            json(exchange, 200, answer);
        }
    }

    private void crumbIssuer(HttpExchange exchange, String user, String path) throws IOException {
        if (!crumbIssuer) {
            notFound(exchange);
            return;
        }
        String crumb = crumb(user);
        if (path.equals("/crumbIssuer/api/json")) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("_class", "hudson.security.csrf.DefaultCrumbIssuer");
            answer.put("crumb", crumb);
            answer.put("crumbRequestField", CRUMB_FIELD);
            json(exchange, 200, answer);
        } else if (path.equals("/crumbIssuer/api/xml")) {
            String xpath = query(exchange).get("xpath");
            if (xpath == null) {
                send(exchange, 200, "application/xml;charset=utf-8", "<defaultCrumbIssuer _class=\"hudson.security.csrf"
                        + ".DefaultCrumbIssuer\"><crumb>" + crumb + "</crumb><crumbRequestField>" + CRUMB_FIELD
                        + "</crumbRequestField></defaultCrumbIssuer>");
            } else if (xpath.equals(CRUMB_XPATH)) {
                send(exchange, 200, "text/plain;charset=utf-8", CRUMB_FIELD + ":" + crumb);
            } else {
                html(exchange, 400, "Error 400", "This simulator evaluates only the xpath " + CRUMB_XPATH);
            }
        } else {
            notFound(exchange);
        }
    }

    /** The user name, or null after answering 401/403. */
    private String authenticate(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            exchange.getResponseHeaders().set("X-You-Are-Authenticated-As", "anonymous");
            exchange.getResponseHeaders().set("X-Required-Permission", "hudson.model.Hudson.Read");
            html(exchange, 403, "Authentication required", "Authentication required");
            return null;
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            pair = "";
        }
        int colon = pair.indexOf(':');
        String user = colon < 0 ? pair : pair.substring(0, colon);
        Account account = accounts.get(user);
        if (colon < 0 || account == null || !account.token().equals(pair.substring(colon + 1))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Jenkins\"");
            html(exchange, 401, "Error 401 Invalid password/token for user: " + user,
                    "Invalid password/token for user: " + user);
            return null;
        }
        return user;
    }

    String crumb(String user) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((crumbSalt + ":" + user).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- JSON shapes ----

    private Map<String, Object> queue() {
        List<Map<String, Object>> waiting = new ArrayList<>();
        synchronized (this) {
            advance();
            items.values().stream().filter(Item::waiting).forEach(item -> waiting.add(itemJson(item)));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("_class", "hudson.model.Queue");
        answer.put("discoverableItems", List.of());
        answer.put("items", waiting);
        return answer;
    }

    private Map<String, Object> itemJson(Item item) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("_class", item.waiting() ? "hudson.model.Queue$WaitingItem" : "hudson.model.Queue$LeftItem");
        answer.put("actions", actions(item));
        answer.put("blocked", false);
        answer.put("buildable", false);
        answer.put("id", item.id);
        answer.put("inQueueSince", item.inQueueSince);
        StringBuilder params = new StringBuilder();
        item.parameters.forEach((name, value) -> params.append('\n').append(name).append('=').append(value));
        answer.put("params", params.toString());
        answer.put("stuck", false);
        answer.put("task", Map.of("_class", WORKFLOW_JOB, "name", shortName(item.job), "url", jobUrl(item.job),
                "color", item.job.builds.isEmpty() ? "notbuilt" : "blue"));
        answer.put("url", "queue/item/" + item.id + "/");
        answer.put("why", item.waiting() ? item.job.why : null);
        answer.put("cancelled", item.cancelled);
        if (item.waiting()) {
            answer.put("timestamp", item.startAt == Long.MAX_VALUE ? item.inQueueSince : item.startAt);
        } else {
            answer.put("executable", item.build == null ? null : Map.of("_class", WORKFLOW_RUN,
                    "number", item.build.number, "url", jobUrl(item.job) + item.build.number + "/"));
        }
        return answer;
    }

    private List<Map<String, Object>> actions(Item item) {
        List<Map<String, Object>> actions = new ArrayList<>();
        if (item.job.parameterDefinitions != null) {
            List<Map<String, Object>> parameters = new ArrayList<>();
            item.parameters.forEach((name, value) -> parameters.add(
                    Map.of("_class", "hudson.model.StringParameterValue", "name", name, "value", value)));
            actions.add(Map.of("_class", "hudson.model.ParametersAction", "parameters", parameters));
        }
        actions.add(Map.of("_class", "hudson.model.CauseAction", "causes", List.of(Map.of(
                "_class", "hudson.model.Cause$UserIdCause", "shortDescription", "Started by user " + item.user,
                "userId", item.user, "userName", item.user))));
        return actions;
    }

    private Map<String, Object> buildJson(Build build) {
        long now = System.currentTimeMillis();
        boolean building = build.building(now);
        SimulatedJob job = build.item.job;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("_class", WORKFLOW_RUN);
        List<Object> actions = new ArrayList<>(actions(build.item));
        actions.add(Map.of()); // Jenkins lists actions it does not export as {}
        answer.put("actions", actions);
        answer.put("artifacts", List.of());
        answer.put("building", building);
        answer.put("description", null);
        answer.put("displayName", "#" + build.number);
        answer.put("duration", building ? 0 : build.endAt - build.startedAt);
        answer.put("estimatedDuration", build.estimated);
        answer.put("executor", building ? Map.of("_class", "hudson.model.OneOffExecutor") : null);
        answer.put("fullDisplayName", job.fullName.replace("/", " » ") + " #" + build.number);
        answer.put("id", Integer.toString(build.number));
        answer.put("keepLog", false);
        answer.put("number", build.number);
        answer.put("queueId", build.item.id);
        answer.put("result", building ? null : build.result);
        answer.put("timestamp", build.startedAt);
        answer.put("url", jobUrl(job) + build.number + "/");
        answer.put("changeSets", List.of());
        answer.put("culprits", List.of());
        answer.put("inProgress", building);
        return answer;
    }

    private Map<String, Object> jobJson(SimulatedJob job) {
        synchronized (this) {
            advance();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("_class", WORKFLOW_JOB);
            answer.put("actions", List.of());
            answer.put("description", "");
            answer.put("displayName", shortName(job));
            answer.put("displayNameOrNull", null);
            answer.put("fullDisplayName", job.fullName.replace("/", " » "));
            answer.put("fullName", job.fullName);
            answer.put("name", shortName(job));
            answer.put("url", jobUrl(job));
            answer.put("buildable", true);
            answer.put("builds", job.builds.stream().limit(100).map(b -> buildRef(job, b)).toList());
            answer.put("color", job.builds.isEmpty() ? "notbuilt" : "blue");
            answer.put("firstBuild", job.builds.isEmpty() ? null : buildRef(job, job.builds.get(job.builds.size() - 1)));
            answer.put("healthReport", List.of());
            Item waiting = items.values().stream().filter(i -> i.job == job && i.waiting()).findFirst().orElse(null);
            answer.put("inQueue", waiting != null);
            answer.put("keepDependencies", false);
            answer.put("lastBuild", job.builds.isEmpty() ? null : buildRef(job, job.builds.get(0)));
            long now = System.currentTimeMillis();
            answer.put("lastCompletedBuild", job.builds.stream().filter(b -> !b.building(now)).findFirst()
                    .map(b -> buildRef(job, b)).orElse(null));
            answer.put("nextBuildNumber", job.nextBuildNumber);
            answer.put("property", job.parameterDefinitions == null ? List.of() : List.of(Map.of(
                    "_class", "hudson.model.ParametersDefinitionProperty",
                    "parameterDefinitions", job.parameterDefinitions.entrySet().stream().map(p -> Map.of(
                            "_class", "hudson.model.StringParameterDefinition", "name", p.getKey(),
                            "defaultParameterValue", Map.of("_class", "hudson.model.StringParameterValue",
                                    "name", p.getKey(), "value", p.getValue()))).toList())));
            answer.put("queueItem", waiting == null ? null : itemJson(waiting));
            answer.put("concurrentBuild", true);
            answer.put("resumeBlocked", false);
            return answer;
        }
    }

    private Map<String, Object> buildRef(SimulatedJob job, Build build) {
        return Map.of("_class", WORKFLOW_RUN, "number", build.number, "url", jobUrl(job) + build.number + "/");
    }

    /** {@code <root>/job/a/job/b%20c/}, percent-encoded as Jenkins writes it. */
    String jobUrl(SimulatedJob job) {
        StringBuilder url = new StringBuilder(url().toString());
        for (String segment : job.fullName.split("/")) {
            url.append("job/").append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                    .append('/');
        }
        return url.toString();
    }

    private static String shortName(SimulatedJob job) {
        return job.fullName.substring(job.fullName.lastIndexOf('/') + 1);
    }

    /** "job/a/job/b%20c" to "a/b c". */
    private static String fullName(String jobSegments) {
        List<String> names = new ArrayList<>();
        String[] parts = jobSegments.split("/");
        for (int i = 1; i < parts.length; i += 2) {
            names.add(URLDecoder.decode(parts[i].replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return String.join("/", names);
    }

    // ---- plumbing ----

    /** Form parameters of the body and the query, as a servlet container reads them. */
    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>(query(exchange));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        parameters.putAll(decodeForm(body));
        return parameters;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        return decodeForm(exchange.getRequestURI().getRawQuery());
    }

    private static Map<String, String> decodeForm(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return parameters;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private void notFound(HttpExchange exchange) throws IOException {
        html(exchange, 404, "Error 404 Not Found", "Not Found");
    }

    private void json(HttpExchange exchange, int status, Object body) throws IOException {
        try {
            send(exchange, status, "application/json;charset=utf-8", json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void html(HttpExchange exchange, int status, String title, String message) throws IOException {
        send(exchange, status, "text/html;charset=utf-8", "<html><head><title>" + title + " [Jenkins]</title>"
                + "<style>body{font-family:sans-serif}</style></head><body><h1>" + title + "</h1><p>" + message
                + "</p></body></html>");
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
