package io.itsmhub.hub.hr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.core.hr.HrFeed;
import io.itsmhub.core.hr.HrRecord;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.hub.webhook.ProblemResponses;
import io.itsmhub.hub.webhook.WebhookAuthenticator;
import io.itsmhub.hub.webhook.WebhookUnauthorizedException;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Joiners, movers and leavers from HR: {@code POST /webhooks/hr} with one record or a list (authenticate → strip
 * headers → apply the batch, all or nothing and each record once → 200 with what was done). A batch with a bad
 * record answers 400 naming it ({@code [2].username}) and changes nothing; a failure a retry can cure (the database
 * down, the same batch being applied by another hub) answers 503.
 */
@Component
@EnableConfigurationProperties(HrWebhookSettings.class)
class HrFeedRoute extends RouteBuilder {

    private static final String AUTHORIZATION = "hub.authorization";

    private final HrFeed feed;
    private final WebhookAuthenticator authenticator;
    private final ProblemResponses problems;
    private final ObjectMapper json;

    HrFeedRoute(HrFeed feed, HrWebhookSettings settings, ProblemResponses problems, ObjectMapper json) {
        this.feed = feed;
        this.authenticator = new WebhookAuthenticator("hr", settings.webhookToken());
        this.problems = problems;
        this.json = json;
    }

    @Override
    public void configure() {
        onException(WebhookUnauthorizedException.class).handled(true)
                .process(e -> problems.answerCaught(e, 401, "Unauthorized"));
        onException(InvalidInputException.class).handled(true)
                .process(e -> problems.invalidInput(e));
        // Another hub holds the same records (their keys are unique): expected when HR retries early, cured by a retry.
        onException(DataIntegrityViolationException.class).handled(true)
                .log(LoggingLevel.WARN, "HR batch not applied, its records are being applied by another hub: answered 503")
                .process(e -> problems.answer(e, 503, "Not applied", "The same records are being applied; retry."));
        onException(Exception.class).handled(true)
                .log(LoggingLevel.ERROR, "HR batch not applied: ${exception.message}")
                .process(e -> problems.answer(e, 503, "Not applied", "The hub applied none of the records; retry."));

        from("platform-http:/webhooks/hr?httpMethodRestrict=POST")
                .routeId("hr-webhook")
                .setProperty(AUTHORIZATION, header("Authorization"))
                .removeHeaders("*")
                .process(e -> authenticator.check(e.getProperty(AUTHORIZATION, String.class)))
                .process(e -> e.getMessage().setBody(feed.applyAll(parse(e.getMessage().getBody(String.class)))))
                .process(e -> {
                    e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
                    e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                    e.getMessage().setBody(json.writeValueAsString(e.getMessage().getBody()));
                });
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
}
