package io.itsmhub.core.metrics;

import io.itsmhub.core.common.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Incidents open at {@code at} by priority and age (time since they were created): every priority and every age
 * bucket is present, with 0 where there are none, so that a table or chart has a fixed shape.
 */
public record BacklogMatrix(Instant at, List<String> ages, List<Row> rows, long total) {

    public static final List<String> AGES = List.of("<1d", "1-3d", "3-7d", ">7d");

    /** One priority: its count per age bucket, in the order of {@link #AGES}. */
    public record Row(Priority priority, Map<String, Long> byAge, long total) { }
}
