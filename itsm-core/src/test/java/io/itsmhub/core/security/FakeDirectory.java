package io.itsmhub.core.security;

import io.itsmhub.core.people.DirectoryAccount;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A directory for the account tests: users with a password and groups, and a count of the binds the hub asked for,
 * so that a test can tell whether an attempt reached the directory at all. Names compare without case, as in LDAP.
 */
public class FakeDirectory implements DirectoryAuthenticator {

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        FakeDirectory fakeDirectory() {
            return new FakeDirectory();
        }
    }

    private record Entry(String password, DirectoryAccount account) { }

    private final Map<String, Entry> users = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> binds = new ConcurrentHashMap<>();

    public void put(String username, String password, Set<String> groups) {
        users.put(username.toLowerCase(Locale.ROOT), new Entry(password,
                new DirectoryAccount(username, username + " (directory)", username + "@corp.example", null, null, groups, false)));
    }

    public int binds(String username) {
        return binds.computeIfAbsent(username.toLowerCase(Locale.ROOT), k -> new AtomicInteger()).get();
    }

    @Override
    public Optional<DirectoryAccount> authenticate(String username, String password) {
        String key = username.toLowerCase(Locale.ROOT);
        binds.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        Entry entry = users.get(key);
        return entry != null && entry.password().equals(password) ? Optional.of(entry.account()) : Optional.empty();
    }
}
