package io.itsmhub.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.common.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** GET /api/v1/metrics/operations: days in, every figure out; staff only; bad periods answer 400 naming the field. */
class OperationsReportApiTest extends MetricsFixtures {

    private static final String URL = "/api/v1/metrics/operations";

    @Test
    void theReportHoldsEveryFigureForTheDaysAskedBothIncluded() throws Exception {
        String number = incident("1999-01-04T10:00:00Z");
        at("1999-01-04T10:30:00Z", "alice", () -> incidents.assign(number, "platform", "alice"));
        resolve("1999-01-04T12:00:00Z", number);
        at("1999-01-05T09:00:00Z", "rita", () -> satisfaction.rate(number, 5, "fast"));

        JsonNode report = body(getAs("alice", URL + "?from=1999-01-04&to=1999-01-05").andExpect(status().isOk()));

        assertThat(report.get("from").asText()).isEqualTo("1999-01-04T00:00:00Z");
        assertThat(report.get("to").asText()).as("the last day is included").isEqualTo("1999-01-06T00:00:00Z");
        assertThat(report.get("figures").findValuesAsText("key")).containsExactly("change-success-rate",
                "emergency-change-ratio", "first-contact-resolution", "mtta", "mttr", "sla-compliance",
                "incident-backlog", "automated-fulfilment", "csat");
        JsonNode mttr = report.get("figures").get(4);
        assertThat(mttr.get("value").asDouble()).isEqualTo(120.0);
        assertThat(mttr.get("numerator").asLong()).isEqualTo(120);
        assertThat(mttr.get("denominator").asLong()).isEqualTo(1);
        assertThat(mttr.get("unit").asText()).isEqualTo("min");
        assertThat(mttr.get("series").get(0).get("day").asText()).isEqualTo("1999-01-04");
        assertThat(mttr.get("series").get(0).get("value").asDouble()).isEqualTo(120.0);
        assertThat(mttr.get("series").get(1).get("value").isNull()).as("nothing resolved on the 5th").isTrue();
        assertThat(report.get("figures").get(3).get("value").asDouble()).as("mtta").isEqualTo(30.0);
        assertThat(report.get("figures").get(2).get("value").asDouble()).as("fcr").isEqualTo(100.0);
        assertThat(report.get("figures").get(5).get("value").asDouble()).as("sla").isEqualTo(100.0);
        assertThat(report.get("figures").get(8).get("value").asDouble()).as("csat").isEqualTo(5.0);
        JsonNode changes = report.get("figures").get(0);
        assertThat(changes.get("value").isNull()).isTrue();
        assertThat(changes.get("denominator").asLong()).isZero();
        assertThat(report.get("figures").get(6).get("value").asDouble()).as("backlog").isZero();

        JsonNode backlog = report.get("backlogByPriorityAndAge");
        assertThat(backlog.get("at").asText()).isEqualTo("1999-01-06T00:00:00Z");
        assertThat(json.convertValue(backlog.get("ages"), List.class)).containsExactly("<1d", "1-3d", "3-7d", ">7d");
        assertThat(backlog.get("rows")).hasSize(4);
        assertThat(backlog.get("rows").get(0).get("priority").asText()).isEqualTo("P1");
        assertThat(backlog.get("rows").get(0).get("byAge").get(">7d").asLong()).isZero();
        assertThat(backlog.get("total").asLong()).isZero();
        JsonNode fulfilled = report.get("automaticVsByHand");
        assertThat(fulfilled.get("automatic").asLong()).isZero();
        assertThat(fulfilled.get("byHand").asLong()).isZero();
        assertThat(fulfilled.get("series").get(1).get("day").asText()).isEqualTo("1999-01-05");
    }

    @Test
    void withoutDatesTheReportCoversTheLast30DaysTodayIncluded() throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        JsonNode report = body(getAs("carol", URL).andExpect(status().isOk()));

        assertThat(report.get("from").asText()).isEqualTo(today.minusDays(29).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        assertThat(report.get("to").asText()).isEqualTo(today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        assertThat(report.get("figures").get(0).get("series")).hasSize(30);
    }

    @Test
    void onlyStaffSeeTheReport() throws Exception {
        getAs("rita", URL).andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        getAs("rob", URL).andExpect(status().isOk());
    }

    @Test
    void aBadPeriodAnswers400ProblemJsonNamingTheField() throws Exception {
        getAs("alice", URL + "?from=1999-01-06&to=1999-01-04").andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("1999-01-06 is after to (1999-01-04)"));
        getAs("alice", URL + "?from=1999-01-01&to=2000-01-01").andExpect(status().isOk()); // 366 days
        getAs("alice", URL + "?from=1999-01-01&to=2000-01-02").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].message").value("a period is at most 366 days; 1999-01-01 to 2000-01-02 is 367"));
        getAs("alice", URL + "?from=1999-13-01").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        getAs("alice", URL + "?from=2026-11-01T00:00:00Z").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));

        assertThatThrownBy(() -> metrics.meanTimeToResolve(t("1999-01-02T00:00:00Z"), t("1999-01-01T00:00:00Z")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("from"));
        assertThatThrownBy(() -> metrics.all(t("1999-01-01T00:00:00Z"), t("2000-01-03T00:00:00Z")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("to"));
    }
}
