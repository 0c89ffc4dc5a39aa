package io.itsmhub.core.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.itsmhub.core.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemApiTest extends ApiTest {

    @Test
    void aProblemLinksIncidentsRecordsAKnownErrorAndIsResolvedByItsRootCause() throws Exception {
        String first = incident("DB connections exhausted");
        String second = incident("DB connections exhausted again");
        String number = body(postAs("alice", "/api/v1/problems", Map.of("title", "Connection pool exhaustion",
                "incidents", List.of(first))).andExpect(status().isCreated())).get("number").asText();
        assertThat(number).matches("PRB-\\d{6}");
        String url = "/api/v1/problems/" + number;

        postAs("alice", url + "/incidents", Map.of("incident", second)).andExpect(jsonPath("$.incidents.length()").value(2));
        postAs("alice", url + "/incidents", Map.of("incident", "INC-999999")).andExpect(status().isBadRequest());
        postAs("alice", url + "/investigate", null).andExpect(jsonPath("$.status").value("INVESTIGATING"));
        postAs("alice", url + "/resolve", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rootCause"));
        postAs("alice", url + "/known-error", Map.of("rootCause", "pool size 10", "workaround", "restart the API"))
                .andExpect(jsonPath("$.knownError").value(true)).andExpect(jsonPath("$.workaround").value("restart the API"));
        postAs("alice", url + "/resolve", null).andExpect(jsonPath("$.status").value("RESOLVED"))
                .andExpect(jsonPath("$.rootCause").value("pool size 10"));
        postAs("alice", url + "/close", null).andExpect(jsonPath("$.status").value("CLOSED"));

        assertThat(body(getAs("alice", url + "/journal")).findValuesAsText("newValue"))
                .containsSubsequence("INVESTIGATING", "pool size 10", "restart the API", "true", "RESOLVED", "CLOSED");
        assertThat(body(getAs("alice", "/api/v1/incidents/" + second + "/journal")).findValuesAsText("message"))
                .contains("linked to problem " + number);
        assertThat(body(getAs("alice", "/api/v1/problems?incident=" + second)).get("items").findValuesAsText("number"))
                .containsExactly(number);
    }

    @Test
    void anIllegalProblemTransitionAnswers409() throws Exception {
        String number = body(postAs("alice", "/api/v1/problems", Map.of("title", "Flaky DNS"))).get("number").asText();
        postAs("alice", "/api/v1/problems/" + number + "/close", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.allowedActions[0]").value("investigate"));
        getAs("rita", "/api/v1/problems/" + number).andExpect(status().isForbidden());
    }

    private String incident(String title) throws Exception {
        return body(postAs("alice", "/api/v1/incidents", Map.of("title", title))).get("number").asText();
    }
}
