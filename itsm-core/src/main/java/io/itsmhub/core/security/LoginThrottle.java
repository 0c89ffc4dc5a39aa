package io.itsmhub.core.security;

import io.itsmhub.core.audit.SecurityEvents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per source address over a sliding window, in the database, so that several
 * hub processes share one count. An account is keyed in lower case: directories compare names without case, and
 * "Alice" and "alice" must not be two budgets of attempts against one LDAP account.
 */
@Component
class LoginThrottle {

    static final String UNKNOWN_ADDRESS = "unknown";

    /** One login attempt: refused at once when throttled, else told how it ended. */
    final class Attempt {
        private final String account;
        private final String address;
        private final boolean accountHadFailures;

        private Attempt(String account, String address, boolean accountHadFailures) {
            this.account = account;
            this.address = address;
            this.accountHadFailures = accountHadFailures;
        }

        /** A good login clears the account's failures (not the address's: one good password must not reset a spray). */
        void succeeded() {
            if (accountHadFailures) {
                failures.forgetAccount(account);
            }
        }

        void failed() {
            Instant now = clock.instant();
            failures.forgetOlderThan(now.minus(settings.window()));
            failures.save(new LoginFailure(account, address, now));
            Instant since = now.minus(settings.window());
            if (failures.accountFailures(account, since, now, PageRequest.of(0, settings.maxFailuresPerAccount() + 1)).size()
                    == settings.maxFailuresPerAccount()) {
                events.record(SecurityEvents.LOGIN_THROTTLED, account, address, settings.maxFailuresPerAccount()
                        + " failed logins of this account within " + settings.window() + ": further logins wait");
            }
            if (countsAddress(address) && failures.addressFailures(address, since, now,
                    PageRequest.of(0, settings.maxFailuresPerAddress() + 1)).size() == settings.maxFailuresPerAddress()) {
                events.record(SecurityEvents.LOGIN_THROTTLED, account, address, settings.maxFailuresPerAddress()
                        + " failed logins from this address within " + settings.window() + ": further logins wait");
            }
        }
    }

    private final LoginFailureRepository failures;
    private final LoginThrottleSettings settings;
    private final SecurityEvents events;
    private final Clock clock;

    LoginThrottle(LoginFailureRepository failures, LoginThrottleSettings settings, SecurityEvents events, Clock clock) {
        this.failures = failures;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts an attempt.
     *
     * @throws LoginThrottledException when the account or the address already has its limit of failures in the window
     */
    Attempt begin(String username, String address) {
        String account = accountKey(username);
        String from = address == null || address.isBlank() ? UNKNOWN_ADDRESS : SecurityEvents.clip(address, 64);
        Instant now = clock.instant();
        Instant since = now.minus(settings.window());
        List<Instant> ofAccount = failures.accountFailures(account, since, now,
                PageRequest.of(0, settings.maxFailuresPerAccount()));
        Instant retryAt = retryAt(ofAccount, settings.maxFailuresPerAccount());
        if (countsAddress(from)) {
            Instant addressRetryAt = retryAt(failures.addressFailures(from, since, now,
                    PageRequest.of(0, settings.maxFailuresPerAddress())), settings.maxFailuresPerAddress());
            if (addressRetryAt != null && (retryAt == null || addressRetryAt.isAfter(retryAt))) {
                retryAt = addressRetryAt;
            }
        }
        if (retryAt != null) {
            throw new LoginThrottledException(Duration.between(now, retryAt));
        }
        return new Attempt(account, from, !ofAccount.isEmpty());
    }

    /**
     * Newest first: with {@code max} failures in the window, the attempt may go ahead once the {@code max}-th newest
     * has left it, because then fewer than {@code max} remain.
     */
    private Instant retryAt(List<Instant> newestFirst, int max) {
        return newestFirst.size() < max ? null : newestFirst.get(max - 1).plus(settings.window());
    }

    /** Logins that did not come over HTTP have no address; they are throttled by account alone. */
    private static boolean countsAddress(String address) {
        return !UNKNOWN_ADDRESS.equals(address);
    }

    static String accountKey(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return SecurityEvents.clip(name, 100);
    }
}
