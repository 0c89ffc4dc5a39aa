package io.itsmhub.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.outbox.OutboxConsumer;
import io.itsmhub.core.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A requester states impact and urgency; the service desk sets the priority and the assignment. */
class RequesterTriageApiTest extends ApiTest {

    @Autowired OutboxConsumer outbox;

    @Test
    void aRequestersHighHighIsKeptAsReportedAndThePriorityWaitsForTriage() throws Exception {
        JsonNode created = body(postAs("rita", "/api/v1/incidents", Map.of("title", "Everything is down for me",
                "impact", "HIGH", "urgency", "HIGH")).andExpect(status().isCreated()));
        assertThat(created.get("priority").asText()).as("not P1: nobody triaged it yet").isEqualTo("P3");
        assertThat(created.get("reportedImpact").asText()).isEqualTo("HIGH");
        assertThat(created.get("reportedUrgency").asText()).isEqualTo("HIGH");
        assertThat(created.get("impact").asText()).isEqualTo("MEDIUM");
        String number = created.get("number").asText();
        String url = "/api/v1/incidents/" + number;
        assertThat(body(getAs("alice", url + "/journal")).findValuesAsText("message"))
                .anyMatch(m -> m.contains("Reported by the caller: impact HIGH, urgency HIGH; priority P3"));

        patchAs("rita", url, Map.of("impact", "HIGH", "urgency", "HIGH")).andExpect(status().isForbidden());
        getAs("rita", url).andExpect(jsonPath("$.priority").value("P3"));

        patchAs("alice", url, Map.of("impact", "HIGH", "urgency", "HIGH")).andExpect(status().isOk())
                .andExpect(jsonPath("$.priority").value("P1")).andExpect(jsonPath("$.reportedImpact").value("HIGH"));
        assertThat(body(getAs("alice", url + "/journal")).findValuesAsText("field")).contains("priority");
    }

    @Test
    void aRequesterCannotChooseWhoWorksTheirIncident() throws Exception {
        String title = "Page the on-call " + System.nanoTime();
        postAs("rita", "/api/v1/incidents", Map.of("title", title, "assignmentGroup", "platform"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("assignmentGroup"));
        postAs("rita", "/api/v1/incidents", Map.of("title", title, "assignee", "alice"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("assignee"));
        postAs("rita", "/api/v1/incidents", Map.of("title", title, "source", "alertmanager", "sourceRef", "fp-of-a-real-alert"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("source"))
                .andExpect(jsonPath("$.errors[1].field").value("sourceRef"));
        assertThat(body(getAs("alice", "/api/v1/incidents?caller=rita&size=500")).get("items").findValuesAsText("title"))
                .as("nothing written").doesNotContain(title);
    }

    @Test
    void agentsKeepSettingPriorityAndAssignmentWhenTheyRaiseOne() throws Exception {
        JsonNode created = body(postAs("mike", "/api/v1/incidents", Map.of("title", "Core switch down", "impact", "HIGH",
                "urgency", "HIGH", "assignmentGroup", "platform", "caller", "rita")).andExpect(status().isCreated()));
        assertThat(created.get("priority").asText()).isEqualTo("P1");
        assertThat(created.get("assignmentGroup").asText()).isEqualTo("platform");
        assertThat(created.get("reportedImpact").isNull()).isTrue();
    }
}
