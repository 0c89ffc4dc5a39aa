package io.itsmhub.core.support;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What every core test context gets: a clock tests can move and, when the build runs the suite a second
 * time with {@code -Dhub.test.db=postgres}, a fresh database on a real PostgreSQL instead of H2.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    @ConditionalOnProperty(name = "hub.test.db", havingValue = "postgres")
    DataSource postgresDataSource() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(PostgresTestServer.get().createDatabase("itsm_test_" + DATABASES.incrementAndGet()));
        dataSource.setUsername("postgres");
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}
