package io.itsmhub.core.metrics;

import io.itsmhub.core.security.Roles;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/metrics")
class MetricsController {

    static final int DEFAULT_DAYS = 30;

    private final OperationsMetrics metrics;
    private final Clock clock;

    MetricsController(OperationsMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The operations report for the UTC days {@code from} to {@code to}, both included (so the period is
     * {@code [from 00:00Z, to+1 00:00Z)}); by default the last 30 days, today included.
     */
    @GetMapping("/operations")
    @PreAuthorize(Roles.STAFF)
    OperationsReport operations(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate lastDay = to != null ? to : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return metrics.days(from != null ? from : lastDay.minusDays(DEFAULT_DAYS - 1), lastDay);
    }
}
