package io.itsmhub.connectors.alertmanager;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how to reach Alertmanager. Basic auth wins when {@code username} is set, else a bearer token when
 * {@code bearerToken} is set, else no authentication. Other components bind further keys under the same
 * prefix (webhook token, reopen window…); this record ignores them.
 *
 * @param url         base URL, possibly with a path prefix (e.g. behind a proxy); default {@code http://localhost:9093}
 * @param username    basic-auth user, or null
 * @param password    basic-auth password, or null
 * @param bearerToken bearer token, used when no username is set, or null
 * @param timeout     connect timeout and whole-request timeout; default 5s
 */
@ConfigurationProperties("hub.alertmanager")
public record AlertmanagerSettings(
        @DefaultValue("http://localhost:9093") URI url,
        String username,
        String password,
        String bearerToken,
        @DefaultValue("5s") Duration timeout) {

    static final URI DEFAULT_URL = URI.create("http://localhost:9093");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The defaults again, because {@code @DefaultValue} only applies when Spring binds, not to {@code new}. */
    public AlertmanagerSettings {
        url = url == null ? DEFAULT_URL : url;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("hub.alertmanager.timeout must be positive, was " + timeout);
        }
    }

    /** Settings for an unauthenticated Alertmanager at {@code url}. */
    public static AlertmanagerSettings of(URI url) {
        return new AlertmanagerSettings(url, null, null, null, null);
    }

    /** Never prints the password or token: settings end up in logs and actuator output. */
    @Override
    public String toString() {
        return "AlertmanagerSettings[url=" + url + ", username=" + username + ", password=" + mask(password)
                + ", bearerToken=" + mask(bearerToken) + ", timeout=" + timeout + "]";
    }

    private static String mask(String secret) {
        return secret == null ? null : "<secret>";
    }
}
