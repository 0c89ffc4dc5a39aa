package io.itsmhub.core.ticket.defined;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.support.ApiTest;
import io.itsmhub.core.ticket.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A fifth ticket type, "facility" (a broken light, a door that does not lock), added the way the kernel promises:
 * a workflow and its fields, nothing else. Desks, SLA targets, assignment, queues, the journal and 409s come with it.
 */
class FifthTicketTypeApiTest extends ApiTest {

    /** All it takes: the workflow ... */
    static final Workflow<String> FACILITY_WORKFLOW = Workflow.of("facility")
            .transition("start", "in-progress", "open")
            .transition("resolve", "resolved", "open", "in-progress")
            .transition("reopen", "in-progress", "resolved")
            .transition("close", "closed", "resolved")
            .transition("cancel", "cancelled", "open", "in-progress")
            .build();

    /** ... and its fields. */
    static final TicketTypeDefinition FACILITY = new TicketTypeDefinition("facility", "FAC", "Facility", FACILITY_WORKFLOW,
            "open", Set.of("open", "in-progress"), List.of(
                    FieldDefinition.text("building", "Building", true, 50),
                    FieldDefinition.choice("floor", "Floor", false, List.of("B1", "1", "2", "3"))));

    @Autowired DefinedTicketService tickets;

    @BeforeEach
    void defineTheType() {
        tickets.define(FACILITY);
    }

    @Test
    void aTicketOfTheNewTypeGoesThroughItsWorkflowWithItsFieldsChecked() throws Exception {
        JsonNode created = body(postAs("alice", "/api/v1/tickets/types/facility", Map.of("title", "Light out in room 301",
                "priority", "P2", "attributes", Map.of("building", "Tower A", "floor", "3")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(startsWith("FAC-")))
                .andExpect(jsonPath("$.type").value("facility"))
                .andExpect(jsonPath("$.status").value("open"))
                .andExpect(jsonPath("$.desk").value("HQ"))
                .andExpect(jsonPath("$.attributes.building").value("Tower A"))
                .andExpect(jsonPath("$.allowedActions", containsInAnyOrder("start", "resolve", "cancel"))));
        String number = created.get("number").asText();

        postAs("alice", "/api/v1/tickets/" + number + "/actions/close", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.allowedActions", containsInAnyOrder("start", "resolve", "cancel")));
        postAs("alice", "/api/v1/tickets/" + number + "/assign", Map.of("assignmentGroup", "service-desk", "assignee", "alice"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.assignee").value("alice"));
        assertThat(body(getAs("alice", "/api/v1/tickets/types/facility/queues/mine?size=200")).get("items")
                .findValuesAsText("number")).contains(number);
        postAs("alice", "/api/v1/tickets/" + number + "/actions/start", null).andExpect(jsonPath("$.status").value("in-progress"));
        postAs("alice", "/api/v1/tickets/" + number + "/actions/resolve", Map.of("reason", "bulb replaced"))
                .andExpect(jsonPath("$.status").value("resolved"))
                .andExpect(jsonPath("$.allowedActions", containsInAnyOrder("reopen", "close")));
        assertThat(body(getAs("alice", "/api/v1/tickets/types/facility?status=resolved&size=200")).get("items")
                .findValuesAsText("number")).contains(number);

        String journal = String.join("\n", body(getAs("alice", "/api/v1/tickets/" + number + "/journal"))
                .findValuesAsText("message"));
        assertThat(journal).contains("Facility P2: Light out in room 301").contains("bulb replaced");
    }

    @Test
    void itsFieldsAreCheckedAndARequesterNeitherAssignsNorPicksADesk() throws Exception {
        postAs("rita", "/api/v1/tickets/types/facility", Map.of("title", "Door", "attributes",
                Map.of("floor", "7", "colour", "red"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("attributes.colour", "attributes.building",
                        "attributes.floor")));
        postAs("rita", "/api/v1/tickets/types/facility", Map.of("title", "Door", "assignee", "alice",
                "attributes", Map.of("building", "Tower A"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assignmentGroup"));
        postAs("rita", "/api/v1/tickets/types/spaceship", Map.of("title", "x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        String number = body(postAs("rita", "/api/v1/tickets/types/facility", Map.of("title", "Door does not lock",
                "attributes", Map.of("building", "Tower B"))).andExpect(status().isCreated())).get("number").asText();
        getAs("rita", "/api/v1/tickets/" + number).andExpect(jsonPath("$.raisedBy").value("rita"));
        getAs("rick", "/api/v1/tickets/" + number).andExpect(status().isForbidden());
        postAs("rita", "/api/v1/tickets/" + number + "/actions/resolve", null).andExpect(status().isForbidden());
    }

    @Test
    void itsSlaTargetsAndWorkflowComeFromTheTicketsDeskAndFallBackToTheHeadOffice() throws Exception {
        String branch = "FB" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        adminPut("/api/v1/desks/" + branch, Map.of("name", "Facility branch", "parent", "HQ")).andExpect(status().isOk());
        adminPut("/api/v1/sla-targets", Map.of("ticketType", "facility", "priority", "P2", "responseMinutes", 30,
                "resolutionMinutes", 240)).andExpect(status().isOk());
        adminPut("/api/v1/sla-targets", Map.of("desk", branch, "ticketType", "facility", "priority", "P2",
                "responseMinutes", 10, "resolutionMinutes", 60)).andExpect(status().isOk());
        Workflow<String> branchSkipsStart = Workflow.of("facility")
                .transition("resolve", "resolved", "open")
                .transition("close", "closed", "resolved")
                .build();
        FACILITY_WORKFLOW.useOn(branch, branchSkipsStart);
        try {
            JsonNode headOffice = body(postAs("alice", "/api/v1/tickets/types/facility", Map.of("title", "HQ lift",
                    "priority", "P2", "attributes", Map.of("building", "HQ"))).andExpect(status().isCreated()));
            JsonNode ofBranch = body(postAs("alice", "/api/v1/tickets/types/facility", Map.of("title", "Branch lift",
                    "priority", "P2", "desk", branch, "attributes", Map.of("building", "Branch")))
                    .andExpect(status().isCreated()));
            assertThat(minutesToResolve(headOffice)).isEqualTo(240);
            assertThat(minutesToResolve(ofBranch)).isEqualTo(60);
            assertThat(ofBranch.get("allowedActions")).extracting(JsonNode::asText).containsExactly("resolve");
            postAs("alice", "/api/v1/tickets/" + ofBranch.get("number").asText() + "/actions/start", null)
                    .andExpect(status().isConflict());
            postAs("alice", "/api/v1/tickets/" + headOffice.get("number").asText() + "/actions/start", null)
                    .andExpect(status().isOk());
        } finally {
            FACILITY_WORKFLOW.dropVariant(branch);
        }
    }

    private static long minutesToResolve(JsonNode ticket) {
        return Duration.between(Instant.parse(ticket.get("createdAt").asText()),
                Instant.parse(ticket.get("resolutionDue").asText())).toMinutes();
    }

    private ResultActions adminPut(String url, Object body) throws Exception {
        return mvc.perform(put(url).with(httpBasic("admin", "admin-test-pw")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }
}
