package io.itsmhub.hub.leader;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a timer's work on one hub at a time. Each run takes the timer's lock in the {@code shedlock} table (database
 * time, so the hubs' clocks need not agree) for {@code hub.leader.lease}, extends it while the work goes on, and
 * releases it at the end; a hub that finds the lock taken skips that run. A holder that dies stops extending, so
 * another hub takes over within one lease. ShedLock's own keep-alive wants leases of 30 s or more; ours are shorter
 * so that a timer never pauses for long.
 */
@Component
public class SingletonTimers implements DisposableBean {

    /** One line per run at DEBUG, for the several-hubs test and for an operator asking who ran what when. */
    private static final Logger audit = LoggerFactory.getLogger("io.itsmhub.hub.leader");

    private final ExtensibleLockProvider locks;
    private final Duration lease;
    private final String hubId = ManagementFactory.getRuntimeMXBean().getName();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "singleton-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    SingletonTimers(DataSource dataSource, @Value("${hub.leader.lease:PT10S}") Duration lease) {
        this.locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().withLockedByValue(hubId).build());
        this.lease = lease;
    }

    /** Runs {@code work} if no other hub is running {@code timer} now; returns whether it ran here. */
    public boolean run(String timer, Runnable work) {
        return call(timer, () -> {
            work.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** Computes {@code work} if no other hub is running {@code timer} now; empty when another hub has it. */
    public <T> Optional<T> call(String timer, Supplier<T> work) {
        Optional<Held> held = hold(timer);
        if (held.isEmpty()) {
            return Optional.empty();
        }
        try (Held lock = held.get()) {
            return Optional.ofNullable(work.get());
        }
    }

    /**
     * Takes {@code timer}'s lock for work that starts and ends in separate calls (a Camel poll strategy's begin and
     * commit); empty when another hub holds it. The lock is kept alive until the {@link Held} is closed.
     */
    public Optional<Held> hold(String timer) {
        Optional<SimpleLock> taken = locks.lock(new LockConfiguration(Instant.now(), timer, lease, Duration.ZERO));
        return taken.map(lock -> new Held(timer, lock));
    }

    /** A timer's lock held by this hub; closing it logs the run and releases the lock. */
    public final class Held implements AutoCloseable {
        private final String timer;
        private final AtomicReference<SimpleLock> lock;
        private final ScheduledFuture<?> extension;
        private final long start = System.currentTimeMillis();

        private Held(String timer, SimpleLock taken) {
            this.timer = timer;
            this.lock = new AtomicReference<>(taken);
            long every = Math.max(1, lease.toMillis() / 3);
            this.extension = keepAlive.scheduleAtFixedRate(() -> extend(timer, lock), every, every, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            extension.cancel(false);
            audit.debug("singleton-run name={} hub={} start={} end={}", timer, hubId, start, System.currentTimeMillis());
            synchronized (lock) { // not while an extension swaps the lock
                lock.get().unlock();
            }
        }
    }

    private void extend(String timer, AtomicReference<SimpleLock> lock) {
        try {
            synchronized (lock) {
                lock.get().extend(lease, Duration.ZERO).ifPresentOrElse(lock::set,
                    () -> LoggerFactory.getLogger(SingletonTimers.class).warn("Lost the lock of {} while it ran", timer));
            }
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(SingletonTimers.class).warn("Could not extend the lock of {}: {}", timer, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        keepAlive.shutdownNow();
    }
}
