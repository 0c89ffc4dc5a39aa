package io.itsmhub.core.hr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The HR records already applied, keyed by the HR system's {@code recordId} or, without one, by a hash of the record.
 * A hub that applies a batch marks its records before it applies them, in the same transaction: a second hub taking
 * the same batch at the same time waits on the key and then fails, so the batch is applied once and the retry finds it.
 */
@Component
class AppliedRecords {

    /** What an earlier delivery of a record did. */
    record Earlier(List<String> requests) { }

    private static final int MAX_REQUESTS = 4000;

    private final JdbcTemplate jdbc;
    private final HrSettings settings;
    private final Clock clock;

    AppliedRecords(JdbcTemplate jdbc, HrSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    static String key(HrRecord record) {
        if (record.recordId() != null) {
            return "id:" + record.recordId();
        }
        // A unit separator between fields and a marker for "absent", so that no two different records hash alike.
        String fields = Stream.of(record.event().name(), record.username(), record.displayName(), record.email(),
                record.phone(), record.manager(), record.jobRole(), record.group())
                .map(f -> f == null ? "\u0000" : f).collect(Collectors.joining("\u001f"));
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(fields.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The earlier delivery of this record, if it still counts (a hashed record's counts for the duplicate window). */
    Optional<Earlier> earlier(String key) {
        List<Earlier> found = jdbc.query("SELECT requests, applied_at FROM hr_record_applied WHERE record_key = ?",
                (rs, n) -> stillCounts(key, rs.getTimestamp("applied_at").toInstant())
                        ? new Earlier(split(rs.getString("requests"))) : null, key);
        return found.stream().filter(Objects::nonNull).findFirst();
    }

    /** Marks the record as applied (before applying it, so a concurrent delivery waits here). */
    void mark(String key, HrRecord record) {
        jdbc.update("DELETE FROM hr_record_applied WHERE record_key = ?", key);
        jdbc.update("INSERT INTO hr_record_applied (record_key, username, event, applied_at) VALUES (?, ?, ?, ?)",
                key, record.username(), record.event().name(), Timestamp.from(clock.instant()));
    }

    void done(String key, List<String> requests) {
        String numbers = String.join(",", requests);
        // The numbers are for the answer to a retry only; the column holds some 300 of them.
        numbers = numbers.length() <= MAX_REQUESTS ? numbers : numbers.substring(0, numbers.lastIndexOf(',', MAX_REQUESTS));
        jdbc.update("UPDATE hr_record_applied SET requests = ? WHERE record_key = ?", numbers, key);
    }

    private boolean stillCounts(String key, Instant appliedAt) {
        return key.startsWith("id:") || appliedAt.plus(settings.duplicateWindow()).isAfter(clock.instant());
    }

    private static List<String> split(String requests) {
        return requests == null || requests.isEmpty() ? List.of() : Arrays.asList(requests.split(","));
    }
}
