package io.itsmhub.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.people.PersonForm;
import io.itsmhub.core.people.Role;
import io.itsmhub.core.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The kernel's desks through the API: a branch agent does not see the head office's tickets on any read path, the
 * head office sees both, a ticket escalated to the head office keeps its SLA clock and says so in both languages.
 */
class TicketKernelApiTest extends ApiTest {

    private String branch;
    private String branchAgent;
    private String branchRequester;

    @BeforeEach
    void aBranch() throws Exception {
        branch = "SH" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        adminPut("/api/v1/desks/" + branch, Map.of("name", "Shanghai branch", "parent", "HQ")).andExpect(status().isOk());
        String group = branch.toLowerCase() + "-desk";
        people.saveGroup(group, "branch first line", null);
        adminPut("/api/v1/desks/" + branch + "/groups/" + group, null).andExpect(status().isOk());
        branchAgent = branch.toLowerCase() + "-agent";
        branchRequester = branch.toLowerCase() + "-user";
        people.save(new PersonForm(branchAgent, "Branch agent", null, null, null, PASSWORD, Set.of(Role.AGENT), Set.of(group)));
        people.save(new PersonForm(branchRequester, "Branch user", null, null, null, PASSWORD, Set.of(Role.REQUESTER), Set.of()));
        adminPut("/api/v1/users/" + branchRequester + "/placement", Map.of("desk", branch, "location", "Shanghai"))
                .andExpect(status().isOk());
    }

    @Test
    void aBranchAgentFindsNoHeadOfficeTicketOnAnyReadPathAndTheHeadOfficeSeesBoth() throws Exception {
        String headOffice = incident("alice", Map.of("title", "Core banking slow", "caller", "rita", "impact", "HIGH"));
        String ofBranch = incident(branchRequester, Map.of("title", "Branch printer jammed"));
        getAs("alice", "/api/v1/incidents/" + ofBranch).andExpect(jsonPath("$.desk").value(branch));
        getAs("alice", "/api/v1/incidents/" + headOffice).andExpect(jsonPath("$.desk").value("HQ"));

        for (String path : List.of("/api/v1/incidents/%s", "/api/v1/incidents/%s/journal", "/api/v1/tickets/%s",
                "/api/v1/tickets/%s/journal")) {
            getAs(branchAgent, path.formatted(headOffice)).andExpect(status().isNotFound());
            getAs(branchAgent, path.formatted(ofBranch)).andExpect(status().isOk());
            getAs("alice", path.formatted(headOffice)).andExpect(status().isOk());
            getAs("alice", path.formatted(ofBranch)).andExpect(status().isOk());
        }
        postAs(branchAgent, "/api/v1/incidents/" + headOffice + "/comments", Map.of("text", "mine?")).andExpect(status().isNotFound());
        postAs(branchAgent, "/api/v1/incidents/" + headOffice + "/assign", Map.of("assignee", branchAgent))
                .andExpect(status().isNotFound());
        postAs(branchAgent, "/api/v1/incidents/" + headOffice + "/start", null).andExpect(status().isNotFound());

        List<String> branchList = numbers(getAs(branchAgent, "/api/v1/incidents?size=200"));
        assertThat(branchList).contains(ofBranch).doesNotContain(headOffice)
                .as("everything the branch agent lists is the branch's");
        List<String> headOfficeList = numbers(getAs("alice", "/api/v1/incidents?size=200"));
        assertThat(headOfficeList).contains(ofBranch, headOffice);

        JsonNode branchQueue = body(getAs(branchAgent, "/api/v1/queues/unassigned?size=200"));
        assertThat(branchQueue.findValuesAsText("number")).contains(ofBranch).doesNotContain(headOffice);
        JsonNode headOfficeQueue = body(getAs("alice", "/api/v1/queues/unassigned?size=200"));
        assertThat(headOfficeQueue.findValuesAsText("number")).contains(ofBranch, headOffice);
    }

    @Test
    void aTicketEscalatedToTheHeadOfficeKeepsItsSlaClockAndItsJournalSaysSoInTheReadersLanguage() throws Exception {
        String number = incident(branchRequester, Map.of("title", "Teller terminal down"));
        JsonNode before = body(getAs(branchAgent, "/api/v1/incidents/" + number));
        postAs(branchAgent, "/api/v1/incidents/" + number + "/assign", Map.of("assignmentGroup", branch.toLowerCase() + "-desk",
                "assignee", branchAgent)).andExpect(status().isOk());
        clock.advance(java.time.Duration.ofMinutes(30));

        postAs(branchAgent, "/api/v1/tickets/" + number + "/escalate", Map.of("reason", "needs the core team"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.desk").value("HQ"))
                .andExpect(jsonPath("$.assignee").doesNotExist());

        JsonNode after = body(getAs("alice", "/api/v1/incidents/" + number));
        assertThat(after.get("desk").asText()).isEqualTo("HQ");
        assertThat(after.get("resolutionDue").asText()).as("the SLA clock is kept").isEqualTo(before.get("resolutionDue").asText());
        assertThat(after.get("responseDue").asText()).isEqualTo(before.get("responseDue").asText());
        getAs(branchAgent, "/api/v1/incidents/" + number).andExpect(status().isNotFound());

        String english = journalText(number, "en");
        String chinese = journalText(number, "zh-CN");
        assertThat(english).contains("Escalated from desk " + branch + " to HQ: needs the core team. SLA clock kept: resolution due");
        assertThat(chinese).contains("从服务台 " + branch + " 升级到 HQ：needs the core team。SLA 计时保持不变");

        postAs("alice", "/api/v1/tickets/" + number + "/escalate", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no desk above it")));
    }

    @Test
    void aRoutingRulePlacesATicketOnItsDeskAndTheJournalSaysWhichRule() throws Exception {
        String location = branch + "-office";
        String user = branch.toLowerCase() + "-visitor";
        people.save(new PersonForm(user, "Visitor", null, null, null, PASSWORD, Set.of(Role.REQUESTER), Set.of()));
        adminPut("/api/v1/users/" + user + "/placement", Map.of("location", location)).andExpect(status().isOk());
        String before = getAs("alice", "/api/v1/desks/routing").andReturn().getResponse().getContentAsString();
        try {
            adminPut("/api/v1/desks/routing", List.of(Map.of("desk", "NOWHERE"))).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("rules[0].desk"));
            adminPut("/api/v1/desks/routing", List.of(Map.of("ticketType", "change", "desk", branch),
                    Map.of("ticketType", "incident", "location", location, "desk", branch))).andExpect(status().isOk());
            String number = incident(user, Map.of("title", "Lights out on floor 3"));
            getAs("alice", "/api/v1/incidents/" + number).andExpect(jsonPath("$.desk").value(branch));
            assertThat(journalText(number, "en")).contains("Placed on desk " + branch + " by routing rule 2");
            getAs(branchAgent, "/api/v1/incidents/" + number).andExpect(status().isOk());
            postAs("alice", "/api/v1/tickets/" + number + "/escalate", Map.of("reason", "x")).andExpect(status().isOk());
        } finally {
            adminPut("/api/v1/desks/routing", json.readTree(before)).andExpect(status().isOk());
        }
    }

    @Test
    void onlyAdministratorsRouteAndPlacePeopleAndARequesterEscalatesNothing() throws Exception {
        mvc.perform(put("/api/v1/desks/routing").with(httpBasic("alice", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("[]")).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/users/rita/placement").with(httpBasic("alice", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"desk\":\"" + branch + "\"}")).andExpect(status().isForbidden());
        String own = incident(branchRequester, Map.of("title", "My own ticket"));
        postAs(branchRequester, "/api/v1/tickets/" + own + "/escalate", null).andExpect(status().isForbidden());
        postAs(branchRequester, "/api/v1/tickets/" + own + "/links", Map.of("kind", "RELATED", "to", own))
                .andExpect(status().isForbidden());
        getAs(branchRequester, "/api/v1/tickets/" + own).andExpect(status().isOk()).andExpect(jsonPath("$.desk").value(branch));
    }

    @Test
    void staffPlaceOnlyOnDesksTheyWorkOnAndAnAdministratorSetsAHomeDeskThatExists() throws Exception {
        adminPut("/api/v1/users/" + branchAgent + "/placement", Map.of("desk", "NOWHERE")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("desk"));
        postAs(branchAgent, "/api/v1/tickets/" + incident("alice", Map.of("title", "HQ only")) + "/escalate", null)
                .andExpect(status().isNotFound());
        String resolved = incident(branchRequester, Map.of("title", "Fixed already"));
        postAs(branchAgent, "/api/v1/incidents/" + resolved + "/resolve", Map.of("resolutionCode", "fixed")).andExpect(status().isOk());
        postAs(branchAgent, "/api/v1/tickets/" + resolved + "/escalate", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(resolved + " is RESOLVED: only an open ticket escalates"));
    }

    @Test
    void ticketsOfAnyTypeAreLinkedBothJournalsSaySoAndABranchAgentNeitherLinksNorSeesAHeadOfficeTicket() throws Exception {
        String parent = incident("alice", Map.of("title", "Card payments failing everywhere"));
        String child = incident(branchRequester, Map.of("title", "Branch card terminal fails"));
        String problem = body(postAs("alice", "/api/v1/problems", Map.of("title", "Acquirer timeouts")).andExpect(status().isCreated()))
                .get("number").asText();

        postAs("alice", "/api/v1/tickets/" + child + "/links", Map.of("kind", "CHILD_OF", "to", parent))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].number").value(parent)).andExpect(jsonPath("$[0].relation").value("CHILD_OF"));
        postAs("alice", "/api/v1/tickets/" + parent + "/links", Map.of("kind", "CAUSED_BY", "to", problem))
                .andExpect(status().isCreated());
        getAs("alice", "/api/v1/tickets/" + parent + "/links")
                .andExpect(jsonPath("$[*].relation", org.hamcrest.Matchers.contains("PARENT_OF", "CAUSED_BY")));
        getAs("alice", "/api/v1/tickets/" + problem + "/links").andExpect(jsonPath("$[0].relation").value("CAUSES"));
        assertThat(journalText(child, "en")).contains("Linked: child of " + parent);
        assertThat(journalText(parent, "en")).contains("Linked: parent of " + child).contains("Linked: caused by " + problem);
        assertThat(journalText(parent, "zh-CN")).contains("已关联");

        postAs("alice", "/api/v1/tickets/" + child + "/links", Map.of("kind", "CHILD_OF", "to", problem))
                .andExpect(status().isConflict());
        postAs("alice", "/api/v1/tickets/" + child + "/links", Map.of("kind", "RELATED", "to", child))
                .andExpect(status().isBadRequest());
        postAs(branchAgent, "/api/v1/tickets/" + child + "/links", Map.of("kind", "RELATED", "to", problem))
                .andExpect(status().isNotFound());
        getAs(branchAgent, "/api/v1/tickets/" + child + "/links").andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/v1/tickets/" + child + "/links/CHILD_OF/" + parent).with(httpBasic("alice", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
        assertThat(journalText(parent, "en")).contains("Link removed: parent of " + child);
    }

    private String incident(String user, Map<String, Object> form) throws Exception {
        return body(postAs(user, "/api/v1/incidents", form).andExpect(status().isCreated())).get("number").asText();
    }

    private String journalText(String number, String language) throws Exception {
        JsonNode lines = body(mvc.perform(get("/api/v1/incidents/" + number + "/journal").with(httpBasic("alice", PASSWORD))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)));
        return String.join("\n", lines.findValuesAsText("message"));
    }

    private List<String> numbers(ResultActions list) throws Exception {
        return body(list.andExpect(status().isOk())).get("items").findValuesAsText("number");
    }

    private ResultActions adminPut(String url, Object body) throws Exception {
        var request = put(url).with(httpBasic("admin", "admin-test-pw"));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request);
    }
}
