package io.itsmhub.hub.hr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.core.hr.HrFeed;
import io.itsmhub.core.hr.HrRecord;
import io.itsmhub.core.ticket.InvalidInputException;
import io.itsmhub.hub.webhook.ProblemResponses;
import io.itsmhub.hub.webhook.WebhookAuthenticator;
import io.itsmhub.hub.webhook.WebhookUnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Joiners, movers and leavers from HR: {@code POST /webhooks/hr} with one record or a list (authenticate → strip
 * headers → validate every record → apply each in its own transaction → 200 with what was done), and, when
 * {@code hub.hr.drop-dir} is set, CSV files dropped there by the HR system's export.
 */
@Component
@EnableConfigurationProperties(HrWebhookSettings.class)
class HrFeedRoute extends RouteBuilder {

    private static final String AUTHORIZATION = "hub.authorization";

    private final HrFeed feed;
    private final WebhookAuthenticator authenticator;
    private final ProblemResponses problems;
    private final Validator validator;
    private final ObjectMapper json;
    private final HrWebhookSettings settings;

    HrFeedRoute(HrFeed feed, HrWebhookSettings settings, ProblemResponses problems, Validator validator, ObjectMapper json) {
        this.feed = feed;
        this.settings = settings;
        this.authenticator = new WebhookAuthenticator("hr", settings.webhookToken());
        this.problems = problems;
        this.validator = validator;
        this.json = json;
    }

    @Override
    public void configure() {
        onException(WebhookUnauthorizedException.class).handled(true)
                .process(e -> problems.answerCaught(e, 401, "Unauthorized"));
        onException(InvalidInputException.class).handled(true)
                .process(e -> problems.invalidInput(e));

        from("platform-http:/webhooks/hr?httpMethodRestrict=POST")
                .routeId("hr-webhook")
                .setProperty(AUTHORIZATION, header("Authorization"))
                .removeHeaders("*")
                .process(e -> authenticator.check(e.getProperty(AUTHORIZATION, String.class)))
                .process(e -> e.getMessage().setBody(apply(parse(e.getMessage().getBody(String.class)))))
                .process(e -> {
                    e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
                    e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                    e.getMessage().setBody(json.writeValueAsString(e.getMessage().getBody()));
                });

        if (settings.dropDir() != null && !settings.dropDir().isBlank()) {
            from("file:{{hub.hr.drop-dir}}?include=.*\\.csv&move=.done&moveFailed=.failed&readLock=changed")
                    .routeId("hr-csv-drop")
                    .removeHeaders("*", "CamelFileName")
                    .unmarshal().csv()
                    .process(e -> e.getMessage().setBody(apply(fromCsv(e.getMessage().getBody(List.class)))))
                    .log("HR file ${header.CamelFileName}: ${body.size()} record(s) applied");
        }
    }

    /** All records are checked before any is applied: a file or batch with a bad line changes nothing. */
    private List<HrFeed.Applied> apply(List<HrRecord> records) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            for (ConstraintViolation<HrRecord> v : validator.validate(records.get(i))) {
                errors.add(new InvalidInputException.FieldError("[" + i + "]." + v.getPropertyPath(), v.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return records.stream().map(feed::apply).toList();
    }

    private List<HrRecord> parse(String body) {
        if (body == null || body.isBlank()) {
            throw InvalidInputException.of("body", "a JSON record or list of records is required");
        }
        try {
            JsonNode tree = json.readTree(body);
            List<HrRecord> records = new ArrayList<>();
            for (JsonNode node : tree.isArray() ? tree : List.of(tree)) {
                records.add(json.treeToValue(node, HrRecord.class));
            }
            return records;
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("body", "not an HR record: " + e.getOriginalMessage());
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
            Map<String, String> line = new java.util.HashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                line.put(header.get(i), cells.get(i).isEmpty() ? null : cells.get(i));
            }
            records.add(json.convertValue(line, HrRecord.class));
        }
        return records;
    }
}
