package io.itsmhub.hub.hr;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.core.hr.HrFeed;
import io.itsmhub.core.hr.HrRecord;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.hub.webhook.WebhookSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.itsmhub.hub.leader.SingletonPollStrategy;
import io.itsmhub.hub.leader.SingletonTimers;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * CSV files the HR system's export drops into {@code hub.hr.drop-dir}: a file is applied all or nothing, each record
 * once (a file dropped twice raises nothing twice), then moved to {@code .done}; a file with a bad line, or larger
 * than {@code hub.webhooks.max-body-size}, is moved to {@code .failed} with the reason logged, and the next file goes on.
 */
@Component
class HrCsvDropRoute extends RouteBuilder {

    private final HrFeed feed;
    private final HrWebhookSettings settings;
    private final long maxFileSize;
    private final ObjectMapper json;

    private final SingletonTimers timers;

    HrCsvDropRoute(HrFeed feed, HrWebhookSettings settings, WebhookSettings limits, ObjectMapper json,
                   SingletonTimers timers) {
        this.timers = timers;
        this.feed = feed;
        this.settings = settings;
        this.maxFileSize = limits.maxBodySize().toBytes();
        this.json = json;
    }

    @Override
    public void configure() {
        if (settings.dropDir() == null || settings.dropDir().isBlank()) {
            return;
        }
        // Not handled: the file consumer then moves the file to .failed instead of .done.
        onException(Exception.class).handled(false)
                .log(LoggingLevel.ERROR, "HR file ${header.CamelFileName} not applied (moved to .failed): ${exception.message}");

        // one hub at a time polls the folder (it may be shared by all of them), so no two take the same file
        getContext().getRegistry().bind("hrDropSingleton", new SingletonPollStrategy(timers, "hr-csv-drop"));
        from("file:{{hub.hr.drop-dir}}?include=.*\\.csv&move=.done&moveFailed=.failed&readLock=changed"
                + "&pollStrategy=#hrDropSingleton")
                .routeId("hr-csv-drop")
                .removeHeaders("*", Exchange.FILE_NAME, Exchange.FILE_LENGTH)
                .process(e -> checkSize(e.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class)))
                .unmarshal().csv()
                .process(e -> e.getMessage().setBody(feed.applyAll(fromCsv(e.getMessage().getBody(List.class)))))
                .log("HR file ${header.CamelFileName}: ${body.size()} record(s) applied");
    }

    private void checkSize(Long length) {
        if (length != null && length > maxFileSize) {
            throw InvalidInputException.of("file", length + " bytes, over the limit of " + maxFileSize
                    + " (hub.webhooks.max-body-size)");
        }
    }

    @SuppressWarnings("unchecked")
    private List<HrRecord> fromCsv(List<?> rows) {
        List<HrRecord> records = new ArrayList<>();
        List<String> header = null;
        for (Object row : rows) {
            List<String> cells = ((List<String>) row).stream().map(String::strip).toList();
            if (header == null) {
                header = cells;
                continue;
            }
            Map<String, String> line = new HashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                line.put(header.get(i), cells.get(i).isEmpty() ? null : cells.get(i));
            }
            try {
                records.add(json.convertValue(line, HrRecord.class));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("[" + records.size() + "]", "not an HR record: " + e.getMessage());
            }
        }
        return records;
    }
}
