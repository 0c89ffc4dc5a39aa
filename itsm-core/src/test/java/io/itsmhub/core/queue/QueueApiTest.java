package io.itsmhub.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.support.ApiTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The work queues as the database answers them, whatever the number of open tickets. */
class QueueApiTest extends ApiTest {

    @Test
    void eachOpenTicketStandsInTheQueuesItBelongsToAndClosedOnesInNone() throws Exception {
        String mine = incident("LOW", "LOW", Map.of("assignmentGroup", "platform", "assignee", "alice"));
        String groups = incident("LOW", "LOW", Map.of("assignmentGroup", "platform", "assignee", "mike"));
        String nobodys = incident("LOW", "LOW", Map.of());
        String resolved = incident("LOW", "LOW", Map.of("assignmentGroup", "platform", "assignee", "alice"));
        postAs("alice", "/api/v1/incidents/" + resolved + "/resolve", Map.of("resolutionCode", "fixed")).andExpect(status().isOk());

        assertThat(numbers("alice", "mine")).contains(mine).doesNotContain(groups, nobodys, resolved);
        assertThat(numbers("alice", "groups")).contains(mine, groups).doesNotContain(nobodys, resolved);
        assertThat(numbers("alice", "unassigned")).contains(nobodys).doesNotContain(mine, groups, resolved);
        assertThat(numbers("mike", "mine")).contains(groups).doesNotContain(mine);
    }

    @Test
    void breachingSoonHoldsWhatIsDueWithinTwoHoursMostUrgentFirst() throws Exception {
        String urgent = incident("HIGH", "HIGH", Map.of());     // P1: resolution within hours
        String relaxed = incident("LOW", "LOW", Map.of());      // P4: within days
        JsonNode p1 = body(getAs("alice", "/api/v1/incidents/" + urgent));
        clock.set(java.time.Instant.parse(p1.get("resolutionDue").asText()).minus(Duration.ofMinutes(90)));

        List<String> breaching = numbers("alice", "breaching");
        assertThat(breaching).contains(urgent).doesNotContain(relaxed);
        JsonNode queue = body(getAs("alice", "/api/v1/queues/breaching"));
        assertThat(queue.at("/incidents/totalItems").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theQueuesAreForAgentsAndNameTheirChoicesWhenAskedForAnother() throws Exception {
        getAs("rita", "/api/v1/queues/mine").andExpect(status().isForbidden());
        getAs("alice", "/api/v1/queues/everything").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("queue"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of mine, groups, unassigned, breaching"));
    }

    private String incident(String impact, String urgency, Map<String, String> assignment) throws Exception {
        String number = body(postAs("alice", "/api/v1/incidents", Map.of("title", "queue test", "impact", impact,
                "urgency", urgency)).andExpect(status().isCreated())).get("number").asText();
        if (!assignment.isEmpty()) {
            postAs("alice", "/api/v1/incidents/" + number + "/assign", assignment).andExpect(status().isOk());
        }
        return number;
    }

    private List<String> numbers(String user, String queue) throws Exception {
        JsonNode view = body(getAs(user, "/api/v1/queues/" + queue + "?size=200").andExpect(status().isOk()));
        return view.at("/incidents/items").findValuesAsText("number");
    }
}
