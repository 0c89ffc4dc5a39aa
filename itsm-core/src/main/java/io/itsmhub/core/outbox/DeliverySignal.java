package io.itsmhub.core.outbox;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Wakes the dispatchers of this process when events were committed, so delivery starts at once instead of at the
 * next poll. A generation counter makes a signal given between a dispatcher's empty claim and its wait count.
 */
@Component
public class DeliverySignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final boolean wakeUp;
    private long generation;

    /** {@code hub.outbox.wake-up=false} leaves delivery to the poll alone: the baseline of the latency benchmark. */
    public DeliverySignal(@Value("${hub.outbox.wake-up:true}") boolean wakeUp) {
        this.wakeUp = wakeUp;
    }

    public void signal() {
        if (!wakeUp) {
            return;
        }
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The current generation: read it before a claim, then {@link #awaitAfter} it when the claim found nothing. */
    public long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a signal newer than {@code seen} or {@code timeout} (the polling safety net), whichever is first. */
    public void awaitAfter(long seen, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (generation == seen && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }
}
