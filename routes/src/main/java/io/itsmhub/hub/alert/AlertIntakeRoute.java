package io.itsmhub.hub.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.core.alert.AlertNotification;
import io.itsmhub.core.alert.AlertService;
import io.itsmhub.core.alert.IntakeResult;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.hub.webhook.ProblemResponses;
import io.itsmhub.hub.webhook.WebhookAuthenticator;
import io.itsmhub.hub.webhook.WebhookUnauthorizedException;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /webhooks/alertmanager}: authenticate → strip inbound headers → parse leniently → one core call
 * per alert that commits → 200 with what it did, naming the alerts it rejected (unreadable, no labels) while it
 * stored the others. 400 only for a whole payload no retry can fix (not JSON, no list of alerts; Alertmanager does not
 * retry 4xx); a failure a retry can cure (the database down) answers 503, which Alertmanager retries.
 */
@Component
class AlertIntakeRoute extends RouteBuilder {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AlertIntakeRoute.class);
    static final String AUTHORIZATION = "hub.authorization";

    private final WebhookAuthenticator authenticator;
    private final AlertService alerts;
    private final ProblemResponses problems;
    private final ObjectMapper lenient;
    private final ObjectMapper json;

    AlertIntakeRoute(WebhookAuthenticator alertmanagerWebhookAuthenticator, AlertService alerts,
                     ProblemResponses problems, ObjectMapper json) {
        this.authenticator = alertmanagerWebhookAuthenticator;
        this.alerts = alerts;
        this.problems = problems;
        this.json = json;
        // the API refuses unknown fields; Alertmanager adds fields between versions, so its payload is read leniently
        this.lenient = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public void configure() {
        onException(WebhookUnauthorizedException.class).handled(true)
                .process(e -> problems.answerCaught(e, 401, "Unauthorized"));
        onException(InvalidInputException.class).handled(true)
                .process(e -> problems.invalidInput(e));
        onException(Exception.class).handled(true)
                .log(org.apache.camel.LoggingLevel.ERROR, "Alertmanager notification not stored: ${exception.message}")
                .process(e -> problems.answer(e, 503, "Not stored", "The hub could not store the notification; retry."));

        from("platform-http:/webhooks/alertmanager?httpMethodRestrict=POST")
                .routeId("alert-intake")
                .setProperty(AUTHORIZATION, header("Authorization"))
                .setProperty(Exchange.CONTENT_TYPE, header(Exchange.CONTENT_TYPE))
                .removeHeaders("*") // nothing a caller sends reaches a bean as a header
                .process(e -> authenticator.check(e.getProperty(AUTHORIZATION, String.class)))
                .process(e -> e.getMessage().setBody(parse(e)))
                .process(e -> e.getMessage().setBody(alerts.receive(e.getMessage().getBody(AlertNotification.class))))
                .process(e -> answer(e, e.getMessage().getBody(IntakeResult.class)));
    }

    private AlertNotification parse(Exchange exchange) {
        String contentType = exchange.getProperty(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null && !contentType.toLowerCase().contains("json")) {
            throw InvalidInputException.of("Content-Type", "must be application/json, was " + contentType);
        }
        String body = exchange.getMessage().getBody(String.class);
        if (body == null || body.isBlank()) {
            throw InvalidInputException.of("body", "a JSON body is required");
        }
        JsonNode tree;
        try {
            tree = lenient.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line %d, column %d"
                    .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
            throw InvalidInputException.of("body", "not an Alertmanager notification: malformed JSON" + where);
        }
        if (tree == null || !tree.isObject()) {
            throw InvalidInputException.of("body", "not an Alertmanager notification: a JSON object is required");
        }
        JsonNode alerts = tree.path("alerts");
        if (!alerts.isArray()) {
            throw InvalidInputException.of("alerts", "a notification carries a list of alerts");
        }
        AlertNotification envelope;
        try {
            envelope = lenient.treeToValue(((ObjectNode) tree.deepCopy()).without("alerts"), AlertNotification.class);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("body", "not an Alertmanager notification: " + e.getOriginalMessage());
        }
        // each alert on its own: one the hub cannot read is rejected by the core, the others are stored
        List<AlertNotification.Alert> read = new ArrayList<>();
        for (JsonNode alert : alerts) {
            read.add(readAlert(alert));
        }
        return new AlertNotification(envelope.version(), envelope.groupKey(), envelope.truncatedAlerts(), envelope.status(),
                envelope.receiver(), envelope.groupLabels(), envelope.commonLabels(), envelope.commonAnnotations(),
                envelope.externalURL(), read);
    }

    private AlertNotification.Alert readAlert(JsonNode alert) {
        try {
            return alert.isObject() ? lenient.treeToValue(alert, AlertNotification.Alert.class) : null;
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            LOG.warn("Alertmanager alert unreadable, rejected: {}", unreadable.getMessage());
            return null;
        }
    }

    private void answer(Exchange exchange, IntakeResult result) throws JsonProcessingException {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(json.writeValueAsString(result));
    }
}
