package io.itsmhub.hub.leader;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * Makes a polling consumer (the HR drop folder's file consumer) a singleton timer: a poll starts only on the hub that
 * takes the lock named after the route, and the lock is held until the polled batch is processed, so two hubs never
 * take the same file. Use one instance per route: {@code pollStrategy=#hrDropSingleton}.
 */
public class SingletonPollStrategy implements PollingConsumerPollStrategy {

    private final SingletonTimers timers;
    private final String timer;
    private final AtomicReference<SingletonTimers.Held> held = new AtomicReference<>(); // one consumer per instance

    public SingletonPollStrategy(SingletonTimers timers, String timer) {
        this.timers = timers;
        this.timer = timer;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        Optional<SingletonTimers.Held> lock = timers.hold(timer);
        lock.ifPresent(held::set);
        return lock.isPresent();
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        release();
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        release();
        return false; // the next scheduled poll tries again
    }

    private void release() {
        SingletonTimers.Held lock = held.getAndSet(null);
        if (lock != null) {
            lock.close();
        }
    }
}
