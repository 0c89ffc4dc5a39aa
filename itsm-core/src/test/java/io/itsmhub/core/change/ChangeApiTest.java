package io.itsmhub.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.support.ApiTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeApiTest extends ApiTest {

    @Test
    void aReleaseChangeGoesFromNewToClosedWithItsPipelineAndOutcome() throws Exception {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> form = new HashMap<>(Map.of("title", "Deploy payments 2.4.0", "type", "NORMAL",
                "risk", "MEDIUM", "pipeline", "payments/deploy-prod", "parameters", Map.of("VERSION", "2.4.0", "CANARY", true),
                "releaseVersion", "2.4.0", "plannedStart", start.toString(), "plannedEnd", start.plusSeconds(3600).toString()));
        JsonNode created = body(postAs("rob", "/api/v1/changes", form).andExpect(status().isCreated()));
        String number = created.get("number").asText();
        assertThat(number).matches("CHG-\\d{6}");
        assertThat(created.get("parameters").get("CANARY").asBoolean()).isTrue();
        assertThat(created.get("pipeline").asText()).isEqualTo("payments/deploy-prod");

        String url = "/api/v1/changes/" + number;
        postAs("rob", url + "/assess", null).andExpect(jsonPath("$.status").value("ASSESS"));
        postAs("rob", url + "/authorise", null).andExpect(status().isForbidden()); // not a change manager
        postAs("carol", url + "/authorise", Map.of("text", "CAB approved")).andExpect(jsonPath("$.status").value("AUTHORISED"))
                .andExpect(jsonPath("$.authorisedBy").value("carol"));
        postAs("rob", url + "/schedule", null).andExpect(jsonPath("$.status").value("SCHEDULED"));
        postAs("rob", url + "/implement", null).andExpect(jsonPath("$.status").value("IMPLEMENTING"));
        postAs("rob", url + "/review", Map.of("outcome", "SUCCESSFUL", "note", "green"))
                .andExpect(jsonPath("$.status").value("REVIEW")).andExpect(jsonPath("$.outcome").value("SUCCESSFUL"));
        postAs("carol", url + "/close", null).andExpect(jsonPath("$.status").value("CLOSED"));

        assertThat(body(getAs("rob", url + "/journal")).findValuesAsText("newValue"))
                .containsSubsequence("ASSESS", "AUTHORISED", "SCHEDULED", "IMPLEMENTING", "REVIEW", "SUCCESSFUL", "CLOSED");
    }

    @Test
    void aChangeManagerCannotAuthoriseTheirOwnChange() throws Exception {
        String number = body(postAs("dave", "/api/v1/changes", Map.of("title", "Patch kernel", "type", "NORMAL")))
                .get("number").asText();
        postAs("dave", "/api/v1/changes/" + number + "/assess", null).andExpect(status().isOk());
        postAs("dave", "/api/v1/changes/" + number + "/authorise", null).andExpect(status().isForbidden());
        getAs("dave", "/api/v1/changes/" + number).andExpect(jsonPath("$.status").value("ASSESS"));
    }

    @Test
    void schedulingNeedsAValidWindowAndCancellingRecordsTheOutcome() throws Exception {
        String number = body(postAs("rob", "/api/v1/changes", Map.of("title", "Rotate certs", "type", "NORMAL")))
                .get("number").asText();
        String url = "/api/v1/changes/" + number;
        postAs("rob", url + "/assess", null);
        postAs("carol", url + "/authorise", null).andExpect(status().isOk());
        postAs("rob", url + "/schedule", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("plannedStart"));
        Instant start = Instant.parse("2030-01-01T10:00:00Z");
        postAs("rob", url + "/schedule", Map.of("plannedStart", start.toString(), "plannedEnd", start.minusSeconds(60).toString()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("plannedEnd"));
        postAs("rob", url + "/cancel", Map.of("reason", "vendor delay")).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.outcome").value("CANCELLED"));
        postAs("rob", url + "/implement", null).andExpect(status().isConflict());
    }

    @Test
    void requestersHaveNoAccessToChangesAndUnknownTargetsAreRefused() throws Exception {
        getAs("rita", "/api/v1/changes").andExpect(status().isForbidden());
        postAs("rob", "/api/v1/changes", Map.of("title", "x", "type", "NORMAL", "targetCis", List.of("CI-999999")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("targetCis"));
        postAs("rob", "/api/v1/changes", Map.of("title", "x", "type", "NORMAL", "pipeline", "a b; rm -rf"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("pipeline"));
    }
}
