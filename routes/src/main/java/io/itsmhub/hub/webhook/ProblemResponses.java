package io.itsmhub.hub.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.core.common.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/** RFC 9457 problem+json answers for webhook routes, the same shape as the REST API's. */
@Component
public class ProblemResponses {

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void answer(Exchange exchange, int status, String title, String detail) throws Exception {
        answer(exchange, status, title, detail, null);
    }

    /** Answers with the message of the exception the route's {@code onException} caught. */
    public void answerCaught(Exchange exchange, int status, String title) throws Exception {
        answer(exchange, status, title, caught(exchange).getMessage());
    }

    /** Answers 400 with the field errors of the InvalidInputException the route's {@code onException} caught. */
    public void invalidInput(Exchange exchange) throws Exception {
        invalidInput(exchange, (InvalidInputException) caught(exchange));
    }

    public void invalidInput(Exchange exchange, InvalidInputException e) throws Exception {
        answer(exchange, 400, "Invalid input", e.getMessage(), e.errors().stream()
                .map(f -> Map.of("field", f.field(), "message", f.message())).toList());
    }

    private void answer(Exchange exchange, int status, String title, String detail, List<Map<String, String>> errors)
            throws Exception {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (errors != null) {
            problem.put("errors", errors);
        }
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        if (status == 401) {
            message.setHeader("WWW-Authenticate", "Bearer realm=\"itsm-hub\"");
        }
        message.setBody(json.writeValueAsString(problem));
    }

    private static Throwable caught(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
}
