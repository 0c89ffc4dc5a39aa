package io.itsmhub.hub.console.dashboard;

import io.itsmhub.core.metrics.Figure;
import io.itsmhub.core.metrics.OperationsMetrics;
import io.itsmhub.core.metrics.OperationsReport;
import io.itsmhub.core.security.Roles;
import io.itsmhub.core.common.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operations dashboard over a chosen period (the last 7, 30 or 90 days, or any from/to), and the same board
 * as a dark, self-refreshing big screen ({@code ?screen=big}).
 */
@Controller
@PreAuthorize(Roles.STAFF)
class DashboardPage {

    private final OperationsMetrics metrics;
    private final DashboardCharts charts;
    private final MessageSource messages;
    private final Clock clock;

    DashboardPage(OperationsMetrics metrics, DashboardCharts charts, MessageSource messages, Clock clock) {
        this.metrics = metrics;
        this.charts = charts;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(defaultValue = "30") int days, @RequestParam(required = false) String screen,
                     Model model) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate lastDay = to != null ? to : today;
        LocalDate firstDay = from != null ? from : lastDay.minusDays(Math.max(1, Math.min(days, 366)) - 1L);
        model.addAttribute("from", firstDay);
        model.addAttribute("to", lastDay);
        model.addAttribute("days", from == null && to == null ? days : 0);
        model.addAttribute("big", "big".equals(screen));
        try {
            OperationsReport report = metrics.days(firstDay, lastDay);
            model.addAttribute("report", report);
            Map<String, String> figureCharts = new LinkedHashMap<>();
            for (Figure figure : report.figures()) {
                figureCharts.put(figure.key(), charts.line(figure, label("dashboard.figure." + figure.key())));
            }
            model.addAttribute("charts", figureCharts);
            model.addAttribute("fulfilmentChart", charts.fulfilment(report.automaticVsByHand(),
                    label("dashboard.automatic"), label("dashboard.byHand")));
            model.addAttribute("backlogChart", charts.backlog(report.backlogByPriorityAndAge()));
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.errors().get(0).field() + ": " + e.errors().get(0).message());
        }
        return "dashboard/dashboard";
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
