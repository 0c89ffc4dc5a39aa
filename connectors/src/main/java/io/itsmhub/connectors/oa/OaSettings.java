package io.itsmhub.connectors.oa;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OA system the hub delegates approvals to. A null {@code url} means no OA is configured ({@link #configured()});
 * once it is set, {@code secret} is required, because unsigned approvals could be forged in either direction.
 *
 * @param url     where approval requests are POSTed, or null
 * @param secret  the HMAC secret shared with the OA system, for requests out and decisions in
 * @param maxSkew how far a signed timestamp may be from now, either way, before it is refused as a replay or a
 *                broken clock; default 5m
 * @param timeout connect timeout and whole-request timeout; default 5s
 */
@ConfigurationProperties("hub.oa")
public record OaSettings(
        URI url,
        String secret,
        @DefaultValue("5m") Duration maxSkew,
        @DefaultValue("5s") Duration timeout) {

    static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(5);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The defaults again, because {@code @DefaultValue} only applies when Spring binds, not to {@code new}. */
    public OaSettings {
        maxSkew = positive("max-skew", maxSkew == null ? DEFAULT_MAX_SKEW : maxSkew);
        timeout = positive("timeout", timeout == null ? DEFAULT_TIMEOUT : timeout);
        secret = secret == null || secret.isBlank() ? null : secret;
        if (url != null) {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("hub.oa.url must be an http or https URL");
            }
            if (url.getRawUserInfo() != null) {
                throw new IllegalArgumentException("hub.oa.url must not carry credentials");
            }
            if (secret == null) {
                throw new IllegalArgumentException("hub.oa.secret is required when hub.oa.url is set");
            }
        }
    }

    /** Settings with the default skew and timeout. */
    public static OaSettings of(URI url, String secret) {
        return new OaSettings(url, secret, null, null);
    }

    /** Whether an OA system is configured at all; without one approvals stay in the hub. */
    public boolean configured() {
        return url != null;
    }

    /** Never prints the secret: settings end up in logs and actuator output. */
    @Override
    public String toString() {
        return "OaSettings[url=" + url + ", secret=" + (secret == null ? null : "<secret>") + ", maxSkew=" + maxSkew
                + ", timeout=" + timeout + "]";
    }

    private static Duration positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("hub.oa." + key + " must be positive, was " + value);
        }
        return value;
    }
}
