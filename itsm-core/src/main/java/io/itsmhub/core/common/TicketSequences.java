package io.itsmhub.core.common;

import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Next values of the database sequences behind ticket numbers. A ticket takes its id (and so its number)
 * before it is persisted, so the row is inserted complete: number is NOT NULL and never updated.
 * The SQL comes from Hibernate's dialect, which knows H2's and PostgreSQL's syntax.
 */
@Component
public class TicketSequences {

    private final JdbcTemplate jdbc;
    private final EntityManagerFactory entityManagerFactory;
    private final Map<String, String> sqlBySequence = new ConcurrentHashMap<>();

    public TicketSequences(JdbcTemplate jdbc, EntityManagerFactory entityManagerFactory) {
        this.jdbc = jdbc;
        this.entityManagerFactory = entityManagerFactory;
    }

    public long next(String sequence) {
        String sql = sqlBySequence.computeIfAbsent(sequence, name -> entityManagerFactory
                .unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect().getSequenceSupport()
                .getSequenceNextValString(name));
        Long value = jdbc.queryForObject(sql, Long.class);
        if (value == null) {
            throw new IllegalStateException("sequence " + sequence + " returned no value");
        }
        return value;
    }
}
