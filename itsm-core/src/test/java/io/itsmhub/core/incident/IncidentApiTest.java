package io.itsmhub.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.outbox.OutboxConsumer;
import io.itsmhub.core.outbox.OutboxEvent;
import io.itsmhub.core.support.ApiTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class IncidentApiTest extends ApiTest {

    @Autowired OutboxConsumer outbox;
    @Autowired IncidentService incidents;

    @Test
    void anIncidentGoesThroughItsWholeLifecycleAndTheJournalTellsEachStep() throws Exception {
        JsonNode created = body(postAs("alice", "/api/v1/incidents",
                Map.of("title", "Payments API returns 502", "impact", "HIGH", "urgency", "HIGH"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/incidents/INC-"))));
        String number = created.get("number").asText();
        assertThat(number).matches("INC-\\d{6}");
        assertThat(created.get("priority").asText()).isEqualTo("P1");
        assertThat(created.get("status").asText()).isEqualTo("NEW");
        assertThat(created.get("resolutionDue").asText()).isNotBlank();

        String url = "/api/v1/incidents/" + number;
        postAs("alice", url + "/assign", Map.of("assignmentGroup", "service-desk", "assignee", "alice"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.assignee").value("alice"));
        postAs("alice", url + "/start", null).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        postAs("alice", url + "/hold", Map.of("reason", "waiting for the vendor")).andExpect(jsonPath("$.status").value("ON_HOLD"));
        postAs("alice", url + "/start", null).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        postAs("alice", url + "/resolve", Map.of("resolutionCode", "fixed", "note", "restarted the pods"))
                .andExpect(jsonPath("$.status").value("RESOLVED")).andExpect(jsonPath("$.resolutionCode").value("fixed"));
        postAs("alice", url + "/reopen", Map.of("reason", "502s are back")).andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.resolutionCode").doesNotExist());
        postAs("alice", url + "/resolve", Map.of("resolutionCode", "fixed")).andExpect(jsonPath("$.status").value("RESOLVED"));
        postAs("alice", url + "/comments", Map.of("text", "root cause in PRB")).andExpect(status().isCreated());
        postAs("alice", url + "/close", null).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.allowedActions").isEmpty());

        getAs("alice", url).andExpect(jsonPath("$.status").value("CLOSED")).andExpect(jsonPath("$.closedAt").isNotEmpty());
        JsonNode journal = body(getAs("alice", url + "/journal").andExpect(status().isOk()));
        List<String> transitions = journal.findValues("message").stream().map(JsonNode::asText)
                .filter(m -> m.matches("^(start|hold|resolve|reopen|close).*")).toList();
        assertThat(transitions).containsExactly("start", "hold: waiting for the vendor", "start", "resolve: fixed",
                "reopen: 502s are back", "resolve: fixed", "close");
        assertThat(journal.get(0).get("kind").asText()).isEqualTo("CREATED");
        assertThat(journal.findValuesAsText("kind")).contains("COMMENT", "FIELD_CHANGED");
        assertThat(outbox.forTicket(number)).extracting(OutboxEvent::type).containsExactly("IncidentCreated",
                "IncidentAssigned", "IncidentTransitioned", "IncidentTransitioned", "IncidentTransitioned",
                "IncidentResolved", "IncidentTransitioned", "IncidentResolved", "CommentAdded", "IncidentTransitioned");
    }

    @Test
    void anIllegalTransitionAnswers409AndChangesNothing() throws Exception {
        String number = create("Printer on fire");
        int journalBefore = incidents.journal(number).size();
        int eventsBefore = outbox.forTicket(number).size();

        postAs("alice", "/api/v1/incidents/" + number + "/close", null)
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.title").value("Transition not allowed"))
                .andExpect(jsonPath("$.currentStatus").value("NEW"))
                .andExpect(jsonPath("$.allowedActions[0]").value("start"));

        getAs("alice", "/api/v1/incidents/" + number).andExpect(jsonPath("$.status").value("NEW"));
        assertThat(incidents.journal(number)).hasSize(journalBefore);
        assertThat(outbox.forTicket(number)).hasSize(eventsBefore);
    }

    @Test
    void badInputAnswers400ProblemJsonNamingTheField() throws Exception {
        postAs("alice", "/api/v1/incidents", Map.of("description", "no title"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        postAs("alice", "/api/v1/incidents", Map.of("title", "x", "impact", "HUGE"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("impact"))
                .andExpect(jsonPath("$.errors[0].message").value("'HUGE' is not one of [HIGH, MEDIUM, LOW]"));
        postAs("alice", "/api/v1/incidents", Map.of("title", "x", "priorty", "P1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("priorty"))
                .andExpect(jsonPath("$.errors[0].message").value("unknown field"));
        postAs("alice", "/api/v1/incidents", "{\"title\": \"x\",")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
        postAs("alice", "/api/v1/incidents", Map.of("title", "x", "assignmentGroup", "platform", "assignee", "rita"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("assignee"));
        postAs("alice", "/api/v1/incidents", Map.of("title", "x", "affectedCi", "CI-999999"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("affectedCi"));
        mvc.perform(post("/api/v1/incidents").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("alice", PASSWORD))
                        .contentType(MediaType.TEXT_PLAIN).content("title"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        getAs("alice", "/api/v1/incidents?status=SOLVED").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        getAs("alice", "/api/v1/incidents?sort=password").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        getAs("alice", "/api/v1/incidents/INC-999999").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("incident INC-999999 does not exist"));
    }

    @Test
    void callsWithoutValidCredentialsGet401AndRequestersSeeOnlyTheirOwn() throws Exception {
        mvc.perform(get("/api/v1/incidents")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")))
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        mvc.perform(get("/api/v1/incidents").with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.httpBasic("alice", "wrong"))).andExpect(status().isUnauthorized());

        getAs("carol", "/api/v1/whoami").andExpect(jsonPath("$.username").value("carol"))
                .andExpect(jsonPath("$.roles[0]").value("change-manager"));

        String ritas = body(postAs("rita", "/api/v1/incidents", Map.of("title", "My laptop will not boot"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.caller").value("rita"))).get("number").asText();
        getAs("rita", "/api/v1/incidents/" + ritas).andExpect(status().isOk());
        getAs("rick", "/api/v1/incidents/" + ritas).andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        JsonNode ricksList = body(getAs("rick", "/api/v1/incidents?size=200"));
        assertThat(ricksList.get("items").findValuesAsText("caller")).allMatch("rick"::equals);
        postAs("rita", "/api/v1/incidents/" + ritas + "/resolve", Map.of("resolutionCode", "fixed"))
                .andExpect(status().isForbidden());
    }

    @Test
    void listsFilterSortAndPage() throws Exception {
        String tag = "fp-" + System.nanoTime();
        for (String urgency : List.of("HIGH", "LOW", "MEDIUM")) {
            postAs("alice", "/api/v1/incidents", Map.of("title", "disk full " + urgency, "impact", "HIGH",
                    "urgency", urgency, "source", "alertmanager", "sourceRef", tag)).andExpect(status().isCreated());
        }
        JsonNode page = body(getAs("alice", "/api/v1/incidents?sourceRef=" + tag + "&sort=priority,asc&size=2"));
        assertThat(page.get("totalItems").asInt()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("items").findValuesAsText("priority")).containsExactly("P1", "P2");
        JsonNode p3 = body(getAs("alice", "/api/v1/incidents?sourceRef=" + tag + "&priority=P3&status=NEW"));
        assertThat(p3.get("items").findValuesAsText("title")).containsExactly("disk full LOW");
    }

    @Test
    void anOpenIncidentPastItsResolutionTargetIsFlaggedBreached() throws Exception {
        String number = create("VPN down");
        clock.advance(Duration.ofDays(3)); // P3 resolution target is 48 h
        assertThat(incidents.flagBreaches()).isPositive();
        getAs("alice", "/api/v1/incidents/" + number).andExpect(jsonPath("$.slaBreached").value(true));
        assertThat(outbox.forTicket(number)).extracting(OutboxEvent::type).containsOnlyOnce("IncidentSlaBreached");
        incidents.flagBreaches(); // flagged once: no second event, no second journal line
        assertThat(outbox.forTicket(number)).extracting(OutboxEvent::type).containsOnlyOnce("IncidentSlaBreached");
        assertThat(body(getAs("alice", "/api/v1/incidents/" + number + "/journal")).findValuesAsText("message"))
                .filteredOn(m -> m.startsWith("SLA missed: ")).hasSize(1);
    }

    private String create(String title) throws Exception {
        return body(postAs("alice", "/api/v1/incidents", Map.of("title", title)).andExpect(status().isCreated()))
                .get("number").asText();
    }
}
