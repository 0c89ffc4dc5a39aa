package io.itsmhub.hub.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.itsmhub.core.support.PostgresTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two hubs' timers on one PostgreSQL: a timer runs on one of them at a time, a long run keeps its lock, and when the
 * holder dies the other takes over within one lease.
 */
class SingletonTimersTest {

    static final Duration LEASE = Duration.ofSeconds(1);
    static DataSource database;

    @BeforeAll
    static void database() {
        String url = PostgresTestServer.get().createDatabase("itsm_singleton_timers");
        database = new DriverManagerDataSource(url, "postgres", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    }

    final SingletonTimers hubOne = new SingletonTimers(database, LEASE);
    final SingletonTimers hubTwo = new SingletonTimers(database, LEASE);

    @Test
    void whileOneHubRunsATimerTheOtherSkipsItEvenPastTheLeaseAndRunsItAfterwards() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> hubOne.run("sla-breach", () -> {
            started.countDown();
            waitFor(finish);
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicInteger ranOnTwo = new AtomicInteger();
        await().during(LEASE.multipliedBy(3)).atMost(LEASE.multipliedBy(4))
                .until(() -> !hubTwo.run("sla-breach", ranOnTwo::incrementAndGet));
        assertThat(ranOnTwo).as("the lock is kept alive while the run lasts").hasValue(0);
        assertThat(hubTwo.run("directory-sync", ranOnTwo::incrementAndGet)).as("other timers are free").isTrue();

        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(hubTwo.run("sla-breach", ranOnTwo::incrementAndGet)).isTrue();
        assertThat(ranOnTwo).hasValue(2);
    }

    @Test
    void whenTheHolderDiesAnotherHubTakesTheTimerOverWithinOneLease() {
        // a hub that took the lock and died: it neither extends nor releases it
        new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(database)).usingDbTime().build())
                .lock(new LockConfiguration(Instant.now(), "release-follow", LEASE, Duration.ZERO)).orElseThrow();
        Instant died = Instant.now();
        assertThat(hubTwo.run("release-follow", () -> { })).isFalse();
        await().atMost(LEASE.multipliedBy(3)).until(() -> hubTwo.run("release-follow", () -> { }));
        assertThat(Duration.between(died, Instant.now())).isLessThan(LEASE.multipliedBy(3));
    }

    @Test
    void aPollingConsumerPollsOnOneHubAtATimeFromBeginToCommit() {
        SingletonPollStrategy one = new SingletonPollStrategy(hubOne, "hr-csv-drop");
        SingletonPollStrategy two = new SingletonPollStrategy(hubTwo, "hr-csv-drop");
        assertThat(one.begin(null, null)).isTrue();
        assertThat(two.begin(null, null)).as("the folder is being read on hub one").isFalse();
        one.commit(null, null, 1);
        assertThat(two.begin(null, null)).isTrue();
        assertThat(two.rollback(null, null, 0, new IllegalStateException("bad file"))).isFalse();
        assertThat(one.begin(null, null)).as("a failed poll releases the folder too").isTrue();
        one.commit(null, null, 0);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
