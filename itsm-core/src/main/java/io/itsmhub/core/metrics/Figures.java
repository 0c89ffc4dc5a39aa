package io.itsmhub.core.metrics;

import io.itsmhub.core.metrics.Figure.Point;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds a {@link Figure} and its daily series from the per-day rows of one grouped query. */
final class Figures {
    private Figures() { }

    /** value = 100 × numerator / denominator, for the period and for each day. */
    static Figure percent(String key, Period period, List<DayTotals> days) {
        long numerator = days.stream().mapToLong(DayTotals::numerator).sum();
        long denominator = days.stream().mapToLong(DayTotals::denominator).sum();
        return new Figure(key, percent(numerator, denominator), numerator, denominator, "%",
                series(period, days, d -> percent(d.numerator(), d.denominator())));
    }

    /** value = total / denominator (a mean), for the period and for each day; the caller says what the numerator is. */
    static Figure mean(String key, String unit, Period period, List<DayTotals> days, long numerator) {
        long denominator = days.stream().mapToLong(DayTotals::denominator).sum();
        double total = days.stream().mapToDouble(DayTotals::total).sum();
        return new Figure(key, denominator == 0 ? null : total / denominator, numerator, denominator, unit,
                series(period, days, d -> d.denominator() == 0 ? null : d.total() / d.denominator()));
    }

    private static Double percent(long numerator, long denominator) {
        return denominator == 0 ? null : 100.0 * numerator / denominator;
    }

    private static List<Point> series(Period period, List<DayTotals> days, Function<DayTotals, Double> value) {
        Map<LocalDate, DayTotals> byDay = days.stream().collect(Collectors.toMap(DayTotals::day, d -> d));
        return period.days().stream()
                .map(day -> new Point(day, byDay.containsKey(day) ? value.apply(byDay.get(day)) : null)).toList();
    }
}
