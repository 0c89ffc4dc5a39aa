package io.itsmhub.connectors.jenkins;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how to reach Jenkins. A null {@code url} means Jenkins is not configured ({@link #configured()});
 * once it is set, {@code user} and {@code apiToken} are required, because the hub must never trigger builds
 * anonymously. Other components bind further keys under the same prefix; this record ignores them.
 *
 * @param url           Jenkins' root URL, possibly with a path prefix ({@code https://ci.example/jenkins}), or null
 * @param user          the Jenkins user the hub acts as
 * @param apiToken      that user's API token (a password works too, but Jenkins discourages it)
 * @param timeout       connect timeout and read timeout of every request; default 10s
 * @param queueTimeout  how long callers wait for a queued build to start before giving up; default 10m
 * @param pollInterval  how often callers poll a queue item or a running build; default 2s
 */
@ConfigurationProperties("hub.jenkins")
public record JenkinsSettings(
        URI url,
        String user,
        String apiToken,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("10m") Duration queueTimeout,
        @DefaultValue("2s") Duration pollInterval) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofMinutes(10);
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    /** The defaults again, because {@code @DefaultValue} only applies when Spring binds, not to {@code new}. */
    public JenkinsSettings {
        timeout = positive("timeout", timeout == null ? DEFAULT_TIMEOUT : timeout);
        queueTimeout = positive("queue-timeout", queueTimeout == null ? DEFAULT_QUEUE_TIMEOUT : queueTimeout);
        pollInterval = positive("poll-interval", pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval);
        if (url != null) {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("hub.jenkins.url must be an http or https URL, was " + url);
            }
            // Not echoing the URL here: its user info may hold the very secret this refuses to carry.
            if (url.getRawUserInfo() != null) {
                throw new IllegalArgumentException(
                        "hub.jenkins.url must not carry credentials; set hub.jenkins.user and hub.jenkins.api-token");
            }
            if (isBlank(user) || isBlank(apiToken)) {
                throw new IllegalArgumentException(
                        "hub.jenkins.user and hub.jenkins.api-token are required when hub.jenkins.url is set");
            }
        }
    }

    /** Settings with the default timeouts. */
    public static JenkinsSettings of(URI url, String user, String apiToken) {
        return new JenkinsSettings(url, user, apiToken, null, null, null);
    }

    /** Whether a Jenkins is configured at all; without one the hub runs without Jenkins automation. */
    public boolean configured() {
        return url != null;
    }

    /** Never prints the API token: settings end up in logs and actuator output. */
    @Override
    public String toString() {
        return "JenkinsSettings[url=" + url + ", user=" + user + ", apiToken=" + (apiToken == null ? null : "<secret>")
                + ", timeout=" + timeout + ", queueTimeout=" + queueTimeout + ", pollInterval=" + pollInterval + "]";
    }

    private static Duration positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("hub.jenkins." + key + " must be positive, was " + value);
        }
        return value;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
