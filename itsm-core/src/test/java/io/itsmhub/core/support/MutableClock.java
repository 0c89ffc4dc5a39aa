package io.itsmhub.core.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests can move (in whole microseconds, like the hub's own clock): forward, so that leases and back-offs expire
 * without waiting for them, or to a moment of their own.
 */
public class MutableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MICROS));

    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    /**
     * Puts the clock at {@code instant}, backwards too: tests that measure a period (the operations metrics) move to
     * a period of their own, far from where other tests' records are, and back again afterwards.
     */
    public void set(Instant instant) {
        now.set(instant.truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override
    public Clock withZone(ZoneId zone) { return this; }

    @Override
    public Instant instant() { return now.get(); }
}
