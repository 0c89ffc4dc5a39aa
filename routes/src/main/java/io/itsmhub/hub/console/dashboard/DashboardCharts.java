package io.itsmhub.hub.console.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.core.metrics.BacklogMatrix;
import io.itsmhub.core.metrics.Figure;
import io.itsmhub.core.metrics.FulfilmentSplit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * ECharts options built on the server from the report, as JSON that dashboard.js hands to {@code echarts.init}:
 * the page carries data, never script, so the Content-Security-Policy can forbid inline script.
 */
@Component
class DashboardCharts {

    private final ObjectMapper json;

    DashboardCharts(ObjectMapper json) {
        this.json = json;
    }

    String line(Figure figure, String name) {
        List<String> days = figure.series().stream().map(p -> p.day().toString()).toList();
        List<Double> values = figure.series().stream().map(p -> p.value() == null ? null : round(p.value())).toList();
        Map<String, Object> option = base(days);
        option.put("yAxis", "%".equals(figure.unit()) ? Map.of("type", "value", "min", 0, "max", 100)
                : Map.of("type", "value", "min", 0));
        // bars, not lines: a day stands on its own (a line through one or two days shows nothing)
        option.put("series", List.of(Map.of("name", name, "type", "bar", "data", values, "barMaxWidth", 18)));
        return write(option);
    }

    String fulfilment(FulfilmentSplit split, String automatic, String byHand) {
        Map<String, Object> option = base(split.series().stream().map(d -> d.day().toString()).toList());
        option.put("legend", Map.of("top", 0));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", List.of(
                stack(automatic, split.series().stream().map(FulfilmentSplit.Day::automatic).toList()),
                stack(byHand, split.series().stream().map(FulfilmentSplit.Day::byHand).toList())));
        return write(option);
    }

    String backlog(BacklogMatrix matrix) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 40, "right", 10, "bottom", 30, "top", 30));
        option.put("xAxis", Map.of("type", "category", "data", matrix.rows().stream().map(r -> r.priority().name()).toList()));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", matrix.ages().stream().map(age -> stack(age, matrix.rows().stream()
                .map(r -> r.byAge().getOrDefault(age, 0L)).toList())).toList());
        return write(option);
    }

    private static Map<String, Object> base(List<String> days) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false); // a wall screen redraws every minute; growing bars would only flicker
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("grid", Map.of("left", 40, "right", 10, "bottom", 24, "top", 12));
        option.put("xAxis", Map.of("type", "category", "data", days.stream().map(d -> d.substring(5)).toList()));
        return option;
    }

    private static Map<String, Object> stack(String name, List<Long> data) {
        return Map.of("name", name, "type", "bar", "stack", "all", "data", data);
    }

    static Double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private String write(Object option) {
        try {
            return json.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
