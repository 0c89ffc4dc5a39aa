package io.itsmhub.core.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account events an administrator must be able to see, not only grep for: each is logged at WARN and kept in
 * {@code security_event}, listed by {@code GET /api/v1/security/events}. Written in a transaction of its own, so that
 * the refusal it records (which rolls back the caller's work) does not take the record with it.
 */
@Service
public class SecurityEvents {

    /** A directory user has the name of a local account; the directory was not let in. */
    public static final String DIRECTORY_CLASH = "directory-name-clash";
    /** An account or an address reached the failed-login limit; further logins wait for the window to pass. */
    public static final String LOGIN_THROTTLED = "login-throttled";

    public record View(Long id, Instant occurredAt, String kind, String username, String address, String detail) { }

    private static final Logger log = LoggerFactory.getLogger(SecurityEvents.class);

    private final SecurityEventRepository events;
    private final Clock clock;

    SecurityEvents(SecurityEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String kind, String username, String address, String detail) {
        log.warn("Security event {}: {} (user '{}', address {})", kind, detail, username, address);
        events.save(new SecurityEvent(clock.instant(), kind, username, address, detail));
    }

    /** The latest hundred, newest first. */
    @Transactional(readOnly = true)
    public List<View> recent() {
        return events.findTop100ByOrderByIdDesc().stream().map(SecurityEvent::view).toList();
    }

    public static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 3) + "...";
    }
}
