package io.itsmhub.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TicketLogContextFilterTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(value = {"/api/v1/incidents/INC-000042/resolve, INC-000042", "/api/v1/requests/REQ-000007, REQ-000007",
            "/api/v1/cis/CI-000003/dependents, CI-000003", "/api/v1/incidents, null", "/actuator/health, null"},
            nullValues = "null")
    void logLinesOfATicketCallCarryItsNumber(String uri, String expected) throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        new TicketLogContextFilter().doFilter(new MockHttpServletRequest("POST", uri), new MockHttpServletResponse(),
                (request, response) -> seen.set(MDC.get("ticket")));
        assertThat(seen.get()).isEqualTo(expected);
        assertThat(MDC.get("ticket")).as("cleared after the call").isNull();
    }
}
