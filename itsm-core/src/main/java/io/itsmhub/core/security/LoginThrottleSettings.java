package io.itsmhub.core.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed logins the hub takes before it refuses further attempts until the window has passed. Keep
 * {@code maxFailuresPerAccount} below the directory's own lockout threshold: a throttled attempt never reaches LDAP,
 * so the hub can never lock a directory account out.
 *
 * @param maxFailuresPerAccount failed logins of one account (any address) within {@code window}; default 5
 * @param maxFailuresPerAddress failed logins from one source address (any account) within {@code window}; default 20
 * @param window                how far back failures count, and so the longest wait; default 15 minutes
 */
@ConfigurationProperties("hub.security.login-throttle")
public record LoginThrottleSettings(Integer maxFailuresPerAccount, Integer maxFailuresPerAddress, Duration window) {

    static final int DEFAULT_MAX_FAILURES_PER_ACCOUNT = 5;
    static final int DEFAULT_MAX_FAILURES_PER_ADDRESS = 20;
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    public LoginThrottleSettings {
        maxFailuresPerAccount = positive("max-failures-per-account",
                maxFailuresPerAccount == null ? DEFAULT_MAX_FAILURES_PER_ACCOUNT : maxFailuresPerAccount);
        maxFailuresPerAddress = positive("max-failures-per-address",
                maxFailuresPerAddress == null ? DEFAULT_MAX_FAILURES_PER_ADDRESS : maxFailuresPerAddress);
        window = window == null ? DEFAULT_WINDOW : window;
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("hub.security.login-throttle.window must be positive, was " + window);
        }
    }

    private static int positive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("hub.security.login-throttle." + key + " must be at least 1, was " + value);
        }
        return value;
    }
}
