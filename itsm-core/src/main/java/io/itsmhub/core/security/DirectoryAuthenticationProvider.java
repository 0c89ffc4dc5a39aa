package io.itsmhub.core.security;

import io.itsmhub.core.people.DirectoryAccount;
import io.itsmhub.core.people.DirectorySync;
import io.itsmhub.core.people.LocalAccountClashException;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Logins of directory users: an LDAP bind through {@link DirectoryAuthenticator}, then the person refreshed from
 * the directory, so that their roles are the ones their groups give them today. The API is stateless (Basic on
 * every call), so a successful bind is remembered for a minute as a salted hash, not as the password; what is
 * remembered is only that the password was right: whether the person is active and which roles they hold is read
 * from the people table on every call, so a deactivation or a role change counts from the very next call.
 * A bind for the name of a local account is refused (the directory never takes over {@code admin}).
 */
class DirectoryAuthenticationProvider implements AuthenticationProvider {

    private static final Duration REMEMBER = Duration.ofMinutes(1);

    private record Verified(byte[] digest, Instant until) { }

    private final DirectoryAuthenticator directory;
    private final DirectorySync sync;
    private final PeopleService people;
    private final Clock clock;
    private final byte[] salt = new byte[16];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    DirectoryAuthenticationProvider(DirectoryAuthenticator directory, DirectorySync sync, PeopleService people, Clock clock) {
        this.directory = directory;
        this.sync = sync;
        this.people = people;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        byte[] digest = digest(username, password);
        Instant now = clock.instant();
        Verified known = verified.get(username);
        Person person;
        if (known != null && known.until().isAfter(now) && MessageDigest.isEqual(known.digest(), digest)) {
            person = people.find(username).filter(p -> !p.isLocalAccount()).orElse(null);
            if (person == null) {
                verified.remove(username);
                throw new BadCredentialsException("no directory user");
            }
        } else {
            Optional<DirectoryAccount> account = directory.authenticate(username, password);
            if (account.isEmpty()) {
                verified.remove(username);
                throw new BadCredentialsException("directory refused the login");
            }
            try {
                person = sync.upsert(account.get(), ThrottledAuthenticationManager.address(authentication));
            } catch (LocalAccountClashException e) {
                throw new BadCredentialsException(e.getMessage());
            }
            verified.put(username, new Verified(digest, now.plus(REMEMBER)));
        }
        if (!person.isActive()) {
            verified.remove(username);
            throw new DisabledException("account disabled");
        }
        return UsernamePasswordAuthenticationToken.authenticated(person.getUsername(), null,
                person.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
