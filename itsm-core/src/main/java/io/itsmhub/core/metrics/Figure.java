package io.itsmhub.core.metrics;

import java.time.LocalDate;
import java.util.List;

/**
 * One figure of a period: {@code value} with its {@code unit}, what it was computed from ({@code numerator} and
 * {@code denominator}, whose meaning each figure's method states) and the same figure for each UTC day of the
 * period. {@code value} is null when there was nothing to measure ({@code denominator} 0); a day's value likewise.
 */
public record Figure(String key, Double value, long numerator, long denominator, String unit, List<Point> series) {

    /** The figure for one UTC day of the period; null on a day with nothing to measure. */
    public record Point(LocalDate day, Double value) { }
}
