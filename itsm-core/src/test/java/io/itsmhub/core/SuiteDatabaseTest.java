package io.itsmhub.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsmhub.core.support.ApiTest;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Guards the two test passes: the PostgreSQL pass must really talk to PostgreSQL, the default one to H2. */
class SuiteDatabaseTest extends ApiTest {

    @Autowired DataSource dataSource;

    @Test
    void theSuiteRunsOnTheDatabaseItClaims() throws Exception {
        String expected = "postgres".equals(System.getProperty("hub.test.db")) ? "PostgreSQL" : "H2";
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(expected);
        }
    }
}
