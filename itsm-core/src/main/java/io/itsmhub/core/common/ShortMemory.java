package io.itsmhub.core.common;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a hub remembers of rarely changed settings that every request reads (the desk tree, routing rules, custom
 * fields, a person's desks): each value at most {@link #HOLD} old, and forgotten at once when this hub changes it
 * ({@link #forget}). Another hub's change is seen within {@code HOLD}. Bounded: past {@code most} keys it starts over.
 */
public final class ShortMemory<K, V> {

    /** How long another hub's change may take to be seen here. */
    public static final Duration HOLD = Duration.ofSeconds(5);

    private record Known<V>(V value, long readAt) { }

    private final ConcurrentHashMap<K, Known<V>> known = new ConcurrentHashMap<>();
    private final int most;

    public ShortMemory(int most) {
        this.most = most;
    }

    /** The value of {@code key}, read by {@code read} when it is not known or older than {@link #HOLD}. */
    public V get(K key, Function<K, V> read) {
        long now = System.nanoTime();
        Known<V> remembered = known.get(key);
        if (remembered != null && now - remembered.readAt() < HOLD.toNanos()) {
            return remembered.value();
        }
        V value = read.apply(key);
        if (known.size() >= most) {
            known.clear();
        }
        known.put(key, new Known<>(value, now));
        return value;
    }

    public void forget() {
        known.clear();
    }
}
