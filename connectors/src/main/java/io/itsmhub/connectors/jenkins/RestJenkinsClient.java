package io.itsmhub.connectors.jenkins;

import com.cdancy.jenkins.rest.JenkinsApi;
import com.cdancy.jenkins.rest.domain.common.ErrorsHolder;
import com.cdancy.jenkins.rest.domain.common.IntegerResponse;
import com.cdancy.jenkins.rest.domain.common.RequestStatus;
import com.cdancy.jenkins.rest.domain.job.Action;
import com.cdancy.jenkins.rest.domain.job.BuildInfo;
import com.cdancy.jenkins.rest.domain.job.JobInfo;
import com.cdancy.jenkins.rest.domain.queue.QueueItem;
import io.itsmhub.connectors.ConnectorException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jclouds.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link JenkinsClient} over {@code io.github.cdancy:jenkins-rest} 1.0.2 (jclouds underneath); every call goes
 * through jenkins-rest, no other HTTP client is involved. Thread-safe; make one per Jenkins, share it and
 * {@link #close()} it.
 *
 * <p>What this adds to jenkins-rest, and why:
 * <ul>
 * <li>Failure classification. jenkins-rest swallows most failures into {@code errors()} lists of text;
 *     {@link JenkinsFailure} reads the status back so that every failure becomes one {@link ConnectorException}.</li>
 * <li>No hidden retries: jclouds retries 5xx five times by default, POSTs included, which duplicates builds.
 *     The hub owns retries and adopts lost triggers with {@link #findByParameter}.</li>
 * <li>CSRF crumbs: jenkins-rest fetches one crumb at the first POST and keeps it, or the failure to get it,
 *     for the life of the client. Jenkins restarting at that moment, or expiring the crumb's session, would
 *     make every later POST fail. The client is rebuilt after such a failure, and a POST refused for its crumb
 *     is sent once more with a fresh one (Jenkins did nothing on it).</li>
 * <li>No secrets in logs: jclouds' default logging writes request headers, Authorization included, at FINE;
 *     {@link JcloudsLogging} silences those, sends the rest to SLF4J at DEBUG, and keeps the JDK's
 *     {@code HttpURLConnection} from logging the same headers.</li>
 * </ul>
 *
 * <p>Limits inherited from jenkins-rest: queue ids are {@code int}; a queue item's parameters come from Jenkins'
 * {@code params} text, split at '=' (hence the restriction on {@link #findByParameter} values); and the body of
 * a 5xx is dropped, so Jenkins' 500 for {@code buildWithParameters} on a job without parameters reads as
 * retryable.
 */
public class RestJenkinsClient implements JenkinsClient, AutoCloseable {

    static final String SYSTEM = "jenkins";
    static final int RECENT_BUILDS = 20;
    private static final Logger log = LoggerFactory.getLogger(RestJenkinsClient.class);

    private final JenkinsSettings settings;
    private final String endpoint;
    private final String target;
    private final List<String> secrets;
    private final AtomicReference<com.cdancy.jenkins.rest.JenkinsClient> delegate = new AtomicReference<>();

    public RestJenkinsClient(JenkinsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!settings.configured()) {
            throw new IllegalStateException("Jenkins is not configured: hub.jenkins.url is not set");
        }
        // jclouds appends "/job/…" to the endpoint; a trailing slash would double it.
        this.endpoint = settings.url().toString().replaceAll("/+$", "");
        this.target = settings.url().getHost() + ":" + settings.url().getPort();
        String pair = settings.user() + ":" + settings.apiToken();
        this.secrets = List.of(settings.apiToken(),
                Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        JcloudsLogging.quietJdkHttp();
        delegate.set(newDelegate());
    }

    @Override
    public QueuedBuild trigger(String jobPath, Map<String, String> parameters) {
        JobPath job = JobPath.parse(jobPath);
        Objects.requireNonNull(parameters, "parameters");
        String doing = "triggering job '" + job + "'";
        IntegerResponse answer = post(doing, api -> parameters.isEmpty()
                ? api.jobsApi().build(job.folder(), job.name())
                : api.jobsApi().buildWithParameters(job.folder(), job.name(), form(parameters)));
        if (answer.value() == null) {
            JenkinsFailure failure = JenkinsFailure.of(answer.errors());
            if (failure.status() == JenkinsFailure.UNREADABLE) {
                // Jenkins said yes but jenkins-rest found no ".../queue/item/N/" Location. Retrying would queue
                // one more build each time, so this is permanent; the build may well be queued.
                throw permanent("Jenkins accepted " + doing + " but its answer named no queue item ("
                        + failure.reason() + "); the build may be queued, find it before triggering again", null);
            }
            throw failure(failure, doing, () -> noJob(job));
        }
        long queueId = answer.value();
        log.debug("Triggered Jenkins job '{}': queue item {}", job, queueId);
        return new QueuedBuild(queueId, queueItemUrl(queueId));
    }

    @Override
    public QueueItemState queueItem(long queueId) {
        return stateOf(rawQueueItem(queueId));
    }

    @Override
    public BuildState build(String jobPath, int buildNumber) {
        JobPath job = JobPath.parse(jobPath);
        BuildInfo info = buildInfo(job, buildNumber, "reading build #" + buildNumber + " of job '" + job + "'");
        if (info == null) {
            throw permanent(missingBuild(job, buildNumber), null);
        }
        boolean building = info.building();
        return new BuildState(info.number(), uri(info.url()), building,
                // A pipeline may set currentBuild.result while it runs; that is not the outcome yet.
                building ? null : info.result(),
                Instant.ofEpochMilli(info.timestamp()),
                building ? null : Duration.ofMillis(info.duration()),
                info.estimatedDuration() < 0 ? null : Duration.ofMillis(info.estimatedDuration()));
    }

    @Override
    public void stop(String jobPath, int buildNumber) {
        JobPath job = JobPath.parse(jobPath);
        String doing = "stopping build #" + buildNumber + " of job '" + job + "'";
        // Jenkins answers 302 to the build page; jclouds follows it and jenkins-rest counts any 2xx/3xx as done.
        RequestStatus answer = post(doing, api -> api.jobsApi().stop(job.folder(), job.name(), buildNumber));
        if (!Boolean.TRUE.equals(answer.value())) {
            throw failure(JenkinsFailure.of(answer.errors()), doing, () -> missingBuild(job, buildNumber));
        }
        log.debug("Stopped build #{} of Jenkins job '{}'", buildNumber, job);
    }

    @Override
    public void cancelQueueItem(long queueId) {
        int id = queueIdAsInt(queueId);
        String doing = "cancelling queue item " + queueId;
        RequestStatus answer = post(doing, api -> api.queueApi().cancel(id));
        JenkinsFailure failure = Boolean.TRUE.equals(answer.value()) ? null : JenkinsFailure.of(answer.errors());
        if (failure != null && (failure.noAnswer() || failure.status() == 401 || failure.status() == 403)) {
            throw failure(failure, doing, () -> goneQueueItem(queueId));
        }
        // Jenkins' answer does not say what happened: jenkins-rest reports its 404 as success (JENKINS-21311
        // work-around), and Jenkins answers 500 for an item that already left the queue. The item itself does.
        QueueItem raw = rawQueueItem(queueId);
        QueueItemState item = stateOf(raw);
        if (item.cancelled()) {
            log.debug("Cancelled Jenkins queue item {}", queueId);
            return;
        }
        String job = raw.task() == null ? null : JobPath.fullNameOf(raw.task().url());
        if (item.started()) {
            throw permanent("queue item " + queueId + (job == null ? "" : " of job '" + job + "'")
                    + " already started build #" + item.buildNumber() + "; stop the build instead", null);
        }
        if (failure != null) {
            throw failure(failure, doing + (job == null ? "" : " of job '" + job + "'"), () -> goneQueueItem(queueId));
        }
        throw retryable(doing + ": Jenkins accepted the cancel but the item is still waiting", null);
    }

    @Override
    public Optional<FoundBuild> findByParameter(String jobPath, String name, String value) {
        JobPath job = JobPath.parse(jobPath);
        requireMatchable("name", name);
        requireMatchable("value", value);
        String doing = "searching job '" + job + "' for " + name + "=" + value;
        List<QueueItem> queue = get(doing, () -> doing + ": Jenkins has no queue API (404)",
                api -> api.queueApi().queue());
        for (QueueItem item : queue == null ? List.<QueueItem>of() : queue) {
            if (item.task() != null && job.isUrlOf(item.task().url()) && value.equals(item.params().get(name))) {
                return Optional.of(new FoundBuild((long) item.id(), null, queueItemUrl(item.id())));
            }
        }
        JobInfo info = get(doing, () -> noJob(job), api -> api.jobsApi().jobInfo(job.folder(), job.name()));
        if (info == null) {
            throw permanent(noJob(job), null);
        }
        // Jenkins lists builds newest first; the build sought was triggered recently.
        for (BuildInfo listed : info.builds().stream().limit(RECENT_BUILDS).toList()) {
            BuildInfo build = buildInfo(job, listed.number(), doing);
            if (build != null && hasParameter(build, name, value)) {
                return Optional.of(new FoundBuild(null, build.number(), uri(build.url())));
            }
        }
        return Optional.empty();
    }

    /** Releases jclouds' resources. */
    @Override
    public void close() {
        closeQuietly(delegate.getAndSet(null));
    }

    @Override
    public String toString() {
        return "RestJenkinsClient[" + settings + "]";
    }

    private QueueItem rawQueueItem(long queueId) {
        int id = queueIdAsInt(queueId);
        QueueItem item = get("reading queue item " + queueId, () -> goneQueueItem(queueId),
                api -> api.queueApi().queueItem(id));
        if (item == null) {
            throw permanent(goneQueueItem(queueId), null);
        }
        return item;
    }

    private static QueueItemState stateOf(QueueItem item) {
        boolean started = item.executable() != null && item.executable().number() != null;
        return new QueueItemState(item.id(), item.cancelled(), item.why(),
                started ? item.executable().number() : null,
                started ? uri(item.executable().url()) : null,
                Instant.ofEpochMilli(item.inQueueSince()));
    }

    private BuildInfo buildInfo(JobPath job, int number, String doing) {
        // jenkins-rest answers null for 404 here.
        return get(doing, () -> missingBuild(job, number),
                api -> api.jobsApi().buildInfo(job.folder(), job.name(), number));
    }

    private static boolean hasParameter(BuildInfo build, String name, String value) {
        for (Action action : build.actions()) {
            for (var parameter : action.parameters()) {
                if (name.equals(parameter.name()) && value.equals(parameter.value())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A queue item's parameters reach jenkins-rest as "name=value" lines it splits at every '='. */
    private static void requireMatchable(String what, String text) {
        Objects.requireNonNull(text, what);
        if (text.isEmpty() || text.contains("=") || text.contains("\n") || text.contains("\r")
                || !text.equals(text.strip())) {
            throw new IllegalArgumentException("a parameter " + what + " to search for must be one non-empty line "
                    + "without '=' and without surrounding blanks, was '" + text + "'");
        }
    }

    private String noJob(JobPath job) {
        return "no Jenkins job '" + job + "' (404)";
    }

    private static String goneQueueItem(long queueId) {
        return "queue item " + queueId + " is gone (404): Jenkins forgets items some minutes after they leave the queue";
    }

    /** Tells a missing job from a missing build, which jenkins-rest both reports as null. */
    private String missingBuild(JobPath job, int number) {
        JobInfo info = get("reading job '" + job + "'", () -> noJob(job),
                api -> api.jobsApi().jobInfo(job.folder(), job.name()));
        return info == null ? noJob(job) : "Jenkins job '" + job + "' has no build #" + number + " (404)";
    }

    /**
     * A POST through jenkins-rest, which reports failures in {@code errors()}. After a failed crumb fetch the
     * delegate is rebuilt (jenkins-rest would keep the failure); a POST refused for a stale crumb is sent once
     * more with a fresh one.
     */
    private <T extends ErrorsHolder> T post(String doing, Function<JenkinsApi, T> call) {
        com.cdancy.jenkins.rest.JenkinsClient client = delegate();
        T answer = invoke(doing, client, call);
        if (!answer.errors().isEmpty()) {
            JenkinsFailure failure = JenkinsFailure.of(answer.errors());
            if (failure.crumbRejected()) {
                log.info("Jenkins refused the CSRF crumb while {}; fetching a new one", doing);
                renew(client);
                return invoke(doing, delegate(), call);
            }
            if (failure.crumbFetch()) {
                renew(client);
            }
        }
        return answer;
    }

    private <T> T invoke(String doing, com.cdancy.jenkins.rest.JenkinsClient client, Function<JenkinsApi, T> call) {
        try {
            return call.apply(client.api());
        } catch (RuntimeException e) {
            throw failure(JenkinsFailure.of(e), doing, () -> doing + ": not found (404)");
        }
    }

    /** A GET through jenkins-rest, which throws on most failures (and answers null for 404 on some calls). */
    private <T> T get(String doing, Supplier<String> notFound, Function<JenkinsApi, T> call) {
        try {
            return call.apply(delegate().api());
        } catch (RuntimeException e) {
            throw failure(JenkinsFailure.of(e), doing, notFound);
        }
    }

    private ConnectorException failure(JenkinsFailure failure, String doing, Supplier<String> notFound) {
        int status = failure.status();
        Throwable cause = failure.cause();
        if (status == JenkinsFailure.NO_ANSWER) {
            return retryable(doing + " failed: no answer from Jenkins at " + target + " (" + failure.reason() + ")",
                    cause);
        }
        if (status == JenkinsFailure.UNREADABLE) {
            return permanent(doing + " failed: unreadable answer from Jenkins (" + failure.reason() + ")", cause);
        }
        if (status == 401) {
            return permanent("Jenkins refused the credentials of user '" + settings.user() + "' (401) " + doing,
                    cause);
        }
        if (status == 403) {
            return permanent("Jenkins denied user '" + settings.user() + "' " + doing + " (403): " + failure.reason(),
                    cause);
        }
        if (status == 404) {
            return permanent(notFound.get(), cause);
        }
        String message = doing + " failed: Jenkins answered HTTP " + status + " (" + failure.reason() + ")";
        return ConnectorException.isRetryableStatus(status) ? retryable(message, cause) : permanent(message, cause);
    }

    private ConnectorException retryable(String message, Throwable cause) {
        return ConnectorException.retryable(SYSTEM, scrub(message), cause);
    }

    private ConnectorException permanent(String message, Throwable cause) {
        return ConnectorException.permanent(SYSTEM, scrub(message), cause);
    }

    /** Belt and braces: whatever text Jenkins or jclouds echoed, the token does not leave in a message. */
    private String scrub(String message) {
        String text = message;
        for (String secret : secrets) {
            text = text.replace(secret, "<secret>");
        }
        return text;
    }

    private com.cdancy.jenkins.rest.JenkinsClient delegate() {
        com.cdancy.jenkins.rest.JenkinsClient client = delegate.get();
        if (client == null) {
            throw new IllegalStateException("RestJenkinsClient is closed");
        }
        return client;
    }

    /** Replaces {@code stale} unless another thread already has; one rebuild per failure, not one per caller. */
    private void renew(com.cdancy.jenkins.rest.JenkinsClient stale) {
        com.cdancy.jenkins.rest.JenkinsClient fresh = newDelegate();
        if (delegate.compareAndSet(stale, fresh)) {
            closeQuietly(stale);
        } else {
            closeQuietly(fresh);
        }
    }

    private com.cdancy.jenkins.rest.JenkinsClient newDelegate() {
        Properties overrides = new Properties();
        String timeout = Long.toString(settings.timeout().toMillis());
        overrides.setProperty(Constants.PROPERTY_CONNECTION_TIMEOUT, timeout);
        overrides.setProperty(Constants.PROPERTY_SO_TIMEOUT, timeout);
        overrides.setProperty(Constants.PROPERTY_MAX_RETRIES, "0");
        // Any value above 0 makes jclouds set the JVM-wide system property http.maxConnections.
        overrides.setProperty(Constants.PROPERTY_MAX_CONNECTIONS_PER_CONTEXT, "0");
        // Always explicit credentials: without them jenkins-rest reads JENKINS_REST_* environment variables.
        return com.cdancy.jenkins.rest.JenkinsClient.builder()
                .endPoint(endpoint)
                .credentials(settings.user() + ":" + settings.apiToken())
                .overrides(overrides)
                .modules(new JcloudsLogging(secrets))
                .build();
    }

    private static void closeQuietly(com.cdancy.jenkins.rest.JenkinsClient client) {
        if (client == null) {
            return;
        }
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing a jenkins-rest client failed", e);
        }
    }

    private URI queueItemUrl(long queueId) {
        return URI.create(endpoint + "/queue/item/" + queueId + "/");
    }

    private static Map<String, List<String>> form(Map<String, String> parameters) {
        // Mutable copy: jenkins-rest's form binder writes into the map it is given.
        Map<String, List<String>> form = new LinkedHashMap<>();
        parameters.forEach((name, value) -> form.put(name, new ArrayList<>(List.of(value == null ? "" : value))));
        return form;
    }

    private int queueIdAsInt(long queueId) {
        if (queueId <= 0 || queueId > Integer.MAX_VALUE) {
            // jenkins-rest 1.0.2 types queue ids as int.
            throw new IllegalArgumentException("queue id out of jenkins-rest's range: " + queueId);
        }
        return (int) queueId;
    }

    private static URI uri(String url) {
        return url == null ? null : URI.create(url);
    }
}
