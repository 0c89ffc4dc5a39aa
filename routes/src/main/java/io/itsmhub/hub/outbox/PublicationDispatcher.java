package io.itsmhub.hub.outbox;

import io.itsmhub.core.outbox.DeliverySignal;
import io.itsmhub.core.outbox.OutboxConsumer;
import io.itsmhub.core.outbox.OutboxSettings;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs a {@link SubscriberWorker} per subscriber (or several, {@code hub.outbox.workers}), so a slow or dead peer
 * delays only its own subscriber. Starts after the Camel routes and stops before them: a worker that is stopped
 * gives back what it claimed but did not start, and the delivery under way finishes (or its lease runs out, which is
 * not counted as a failed attempt).
 */
@Component
class PublicationDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicationDispatcher.class);

    private final OutboxSubscriptions subscriptions;
    private final OutboxConsumer consumer;
    private final DeliverySignal signal;
    private final SubscriberDelivery delivery;
    private final OutboxSettings settings;
    private final Duration pollInterval;
    private final int workersPerSubscriber;
    private final String hubId = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
    private final List<SubscriberWorker> workers = new ArrayList<>();
    private ScheduledExecutorService leaseRenewal;
    private volatile boolean running;

    PublicationDispatcher(OutboxSubscriptions subscriptions, OutboxConsumer consumer, DeliverySignal signal,
                          SubscriberDelivery delivery, OutboxSettings settings,
                          @Value("${hub.outbox.poll-interval:250}") long pollIntervalMillis,
                          @Value("${hub.outbox.workers:1}") int workersPerSubscriber) {
        this.subscriptions = subscriptions;
        this.consumer = consumer;
        this.signal = signal;
        this.delivery = delivery;
        this.settings = settings;
        this.pollInterval = Duration.ofMillis(pollIntervalMillis);
        this.workersPerSubscriber = Math.max(1, workersPerSubscriber);
    }

    @Override
    public synchronized void start() {
        int adopted = consumer.adoptEarlierEvents();
        if (adopted > 0) {
            log.info("Delivery: {} event(s) written before per-subscriber publications now have theirs", adopted);
        }
        leaseRenewal = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "outbox-lease-renewal"));
        for (OutboxSubscriber subscriber : subscriptions.subscribers().values()) {
            for (int i = 0; i < workersPerSubscriber; i++) {
                SubscriberWorker worker = new SubscriberWorker(subscriber, consumer, signal, delivery, leaseRenewal,
                        settings.lease(), pollInterval, hubId);
                workers.add(worker);
                daemon(worker, "outbox-" + subscriber.subscriberName() + "-" + i).start();
            }
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        workers.forEach(SubscriberWorker::stop);
        signal.signal();
        for (SubscriberWorker worker : workers) {
            worker.awaitStopped(Duration.ofSeconds(20));
        }
        workers.clear();
        if (leaseRenewal != null) {
            leaseRenewal.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After Camel's context (which starts at {@code Integer.MAX_VALUE - 2049}), and stopped before it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
