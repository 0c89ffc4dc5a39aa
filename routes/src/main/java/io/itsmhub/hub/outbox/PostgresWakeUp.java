package io.itsmhub.hub.outbox;

import io.itsmhub.core.outbox.DeliverySignal;
import io.itsmhub.core.outbox.Outbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, events committed by any hub wake this hub's workers at once: one connection LISTENs on
 * {@link Outbox#CHANNEL}, which every transaction that publishes NOTIFYs at its commit. A lost connection is opened
 * again; meanwhile the workers' poll delivers as before. On H2 (one process) the in-process signal is enough.
 */
@Component
class PostgresWakeUp implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresWakeUp.class);
    private static final int WAIT_MILLIS = 1000;

    private final DataSource dataSource;
    private final DeliverySignal signal;
    private volatile boolean running;
    private Thread listener;

    PostgresWakeUp(DataSource dataSource, DeliverySignal signal) {
        this.dataSource = dataSource;
        this.signal = signal;
    }

    @Override
    public synchronized void start() {
        if (!isPostgres()) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "outbox-listen");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + Outbox.CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                signal.signal(); // anything committed while we were not listening
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        signal.signal();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Not listening for committed events ({}); polling until the connection is back", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(2000); // a reconnect back-off, not a wait for a result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private boolean isPostgres() {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
