package io.itsmhub.hub.outbox;

import io.itsmhub.core.outbox.Claim;
import io.itsmhub.core.outbox.DeliverySignal;
import io.itsmhub.core.outbox.OutboxConsumer;
import io.itsmhub.core.outbox.Publication;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber's delivery loop: claim a small batch (at most one publication per ticket, in order), deliver each,
 * renew the lease while the batch is worked, and wait for a commit's wake-up — or the poll interval, the safety net
 * that also brings back publications whose back-off ended — when there is nothing to do.
 */
class SubscriberWorker implements Runnable {

    static final int BATCH = 20;
    private static final Logger log = LoggerFactory.getLogger(SubscriberWorker.class);

    private final OutboxSubscriber subscriber;
    private final OutboxConsumer consumer;
    private final DeliverySignal signal;
    private final SubscriberDelivery delivery;
    private final ScheduledExecutorService leaseRenewal;
    private final Duration lease;
    private final Duration pollInterval;
    private final String hubId;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    SubscriberWorker(OutboxSubscriber subscriber, OutboxConsumer consumer, DeliverySignal signal,
                     SubscriberDelivery delivery, ScheduledExecutorService leaseRenewal, Duration lease,
                     Duration pollInterval, String hubId) {
        this.subscriber = subscriber;
        this.consumer = consumer;
        this.signal = signal;
        this.delivery = delivery;
        this.leaseRenewal = leaseRenewal;
        this.lease = lease;
        this.pollInterval = pollInterval;
        this.hubId = hubId;
    }

    @Override
    public void run() {
        try {
            while (running) {
                long seen = signal.generation();
                try {
                    Claim claim = consumer.claim(subscriber.subscriberName(), hubId, BATCH, subscriber.orderedPerTicket());
                    if (claim.isEmpty()) {
                        signal.awaitAfter(seen, pollInterval);
                    } else {
                        work(claim);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    // the database is away for a moment: what was claimed comes back when its lease runs out
                    log.warn("Delivery to {} paused: {}", subscriber.subscriberName(), e.getMessage());
                    signal.awaitAfter(seen, pollInterval.multipliedBy(4));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    private void work(Claim claim) {
        long every = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> renewal = leaseRenewal.scheduleAtFixedRate(() -> renew(claim.token()), every, every,
                TimeUnit.MILLISECONDS);
        try {
            for (Publication publication : claim.publications()) {
                if (running) {
                    delivery.deliver(subscriber, publication, claim.token());
                } else {
                    consumer.release(publication.id(), claim.token()); // not started: due again at once, elsewhere
                }
            }
        } finally {
            renewal.cancel(false);
        }
    }

    private void renew(String token) {
        try {
            consumer.renew(token);
        } catch (RuntimeException e) {
            log.warn("Could not renew the lease of {}'s claim: {}", subscriber.subscriberName(), e.getMessage());
        }
    }

    void stop() {
        running = false;
    }

    void awaitStopped(Duration timeout) {
        try {
            if (!stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Delivery to {} still busy after {}; its lease will bring it back", subscriber.subscriberName(), timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
