package io.itsmhub.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.change.ChangeType;
import io.itsmhub.core.common.Priority;
import io.itsmhub.core.people.PersonForm;
import io.itsmhub.core.people.Role;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The report by desk: a branch agent's figures count only the tickets of the desks they see (their branch and the
 * desks below it), the head office's count every desk's; a requester gets no report. Tickets go to a desk through
 * their requester's home desk (routing's fallback), so the shared routing rules are left alone.
 */
class DeskScopedMetricsApiTest extends MetricsFixtures {

    private static final String URL = "/api/v1/metrics/operations";
    private static final String MAY_2014 = URL + "?from=2014-05-01&to=2014-05-02";

    @Test
    void aBranchAgentsFiguresCountOnlyTheirBranchesTicketsAndTheHeadOfficeCountsEveryDesks() throws Exception {
        Instant now = clock.instant();
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        String branch = "MB" + suffix;
        String subBranch = "MS" + suffix;
        adminPut("/api/v1/desks/" + branch, Map.of("name", "Metrics branch", "parent", "HQ"));
        adminPut("/api/v1/desks/" + subBranch, Map.of("name", "Metrics sub-branch", "parent", branch));
        String group = branch.toLowerCase() + "-desk";
        people.saveGroup(group, "Metrics branch first line", null);
        adminPut("/api/v1/desks/" + branch + "/groups/" + group, null);
        String agent = person(group + "-agent", Set.of(Role.AGENT), Set.of(group), null);
        String branchCaller = person(group + "-caller", Set.of(Role.REQUESTER), Set.of(), branch);
        String subBranchCaller = person(group + "-sub-caller", Set.of(Role.REQUESTER), Set.of(), subBranch);
        String branchChangeManager = person(group + "-cm", Set.of(Role.CHANGE_MANAGER), Set.of(), branch);
        // every open incident before the period is in the head office's backlog, those other tests left open too
        JsonNode headOfficeBefore = body(getAs("alice", MAY_2014).andExpect(status().isOk()));

        // the branch: one incident resolved in 60 min and rated 5, one left open, a request, an emergency change
        String branchResolved = incident("2014-05-01T09:00:00Z", Priority.Level.MEDIUM, null, branchCaller);
        resolve("2014-05-01T10:00:00Z", branchResolved);
        at("2014-05-01T11:00:00Z", branchCaller, () -> satisfaction.rate(branchResolved, 5, null));
        incident("2014-05-01T09:00:00Z", Priority.Level.MEDIUM, null, branchCaller);
        fulfilledByHand("2014-05-01T09:00:00Z", "2014-05-01T12:00:00Z", branchCaller);
        change("2014-05-01T09:00:00Z", ChangeType.EMERGENCY, branchChangeManager);
        // below the branch, which sees its children: one incident resolved in 180 min
        String subBranchResolved = incident("2014-05-02T08:00:00Z", Priority.Level.MEDIUM, null, subBranchCaller);
        resolve("2014-05-02T11:00:00Z", subBranchResolved);
        // the head office (rita and carol have no home desk): the same again, resolved in 600 min and rated 1
        String headOfficeResolved = incident("2014-05-01T09:00:00Z");
        resolve("2014-05-01T19:00:00Z", headOfficeResolved);
        at("2014-05-01T20:00:00Z", "rita", () -> satisfaction.rate(headOfficeResolved, 1, null));
        incident("2014-05-01T09:00:00Z");
        fulfilledByHand("2014-05-01T09:00:00Z", "2014-05-01T12:00:00Z");
        change("2014-05-01T09:00:00Z", ChangeType.NORMAL);
        clock.set(now);

        JsonNode branchReport = body(getAs(agent, MAY_2014).andExpect(status().isOk()));

        assertThat(figure(branchReport, "mttr").get("denominator").asLong()).as("the branch's and its sub-branch's").isEqualTo(2);
        assertThat(figure(branchReport, "mttr").get("value").asDouble()).as("(60 + 180) / 2").isEqualTo(120.0);
        assertThat(figure(branchReport, "first-contact-resolution").get("denominator").asLong()).isEqualTo(2);
        assertThat(figure(branchReport, "sla-compliance").get("denominator").asLong()).as("2 incidents, 1 request").isEqualTo(3);
        assertThat(figure(branchReport, "incident-backlog").get("value").asDouble()).isEqualTo(1.0);
        assertThat(branchReport.get("backlogByPriorityAndAge").get("total").asLong()).isEqualTo(1);
        assertThat(branchReport.get("automaticVsByHand").get("byHand").asLong()).isEqualTo(1);
        assertThat(figure(branchReport, "emergency-change-ratio").get("value").asDouble()).isEqualTo(100.0);
        assertThat(figure(branchReport, "csat").get("value").asDouble()).as("the branch's rating only").isEqualTo(5.0);
        assertThat(figure(branchReport, "csat").get("denominator").asLong()).isEqualTo(1);

        JsonNode headOffice = body(getAs("alice", MAY_2014).andExpect(status().isOk()));

        assertThat(figure(headOffice, "mttr").get("denominator").asLong()).isEqualTo(3);
        assertThat(figure(headOffice, "mttr").get("value").asDouble()).as("(60 + 180 + 600) / 3").isEqualTo(280.0);
        assertThat(figure(headOffice, "first-contact-resolution").get("denominator").asLong()).isEqualTo(3);
        assertThat(figure(headOffice, "sla-compliance").get("denominator").asLong()).isEqualTo(5);
        assertThat(figure(headOffice, "incident-backlog").get("value").asDouble()).as("the branch's and the head office's")
                .isEqualTo(figure(headOfficeBefore, "incident-backlog").get("value").asDouble() + 2);
        assertThat(headOffice.get("backlogByPriorityAndAge").get("total").asLong())
                .isEqualTo(headOfficeBefore.get("backlogByPriorityAndAge").get("total").asLong() + 2);
        assertThat(headOffice.get("automaticVsByHand").get("byHand").asLong()).isEqualTo(2);
        assertThat(figure(headOffice, "emergency-change-ratio").get("value").asDouble()).isEqualTo(50.0);
        assertThat(figure(headOffice, "csat").get("value").asDouble()).as("(5 + 1) / 2").isEqualTo(3.0);
        assertThat(body(mvc.perform(get(MAY_2014).with(httpBasic("admin", "admin-test-pw")))).get("figures"))
                .as("an administrator sees what the head office sees").isEqualTo(headOffice.get("figures"));
    }

    @Test
    void aRequesterGetsNoReportAndNoFigures() throws Exception {
        getAs("rita", URL).andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));

        // rita's own incident, resolved and rated: the report is staff's, and her desk scope is empty
        String hers = resolvedIncident("2014-06-02T09:00:00Z", "2014-06-02T10:00:00Z");
        at("2014-06-02T11:00:00Z", "rita", () -> satisfaction.rate(hers, 4, null));
        fulfilledByHand("2014-06-02T09:00:00Z", "2014-06-02T12:00:00Z");
        incident("2014-06-02T09:00:00Z");
        Instant from = t("2014-06-02T00:00:00Z");
        Instant to = t("2014-06-03T00:00:00Z");

        OperationsReport asRita = at("2014-06-03T00:00:00Z", "rita", () -> metrics.all(from, to));

        assertThat(asRita.figures()).allSatisfy(f -> assertThat(f.numerator()).as(f.key()).isZero());
        assertThat(asRita.figures()).filteredOn(f -> !f.key().equals("incident-backlog"))
                .allSatisfy(f -> assertThat(f.denominator()).as(f.key()).isZero());
        assertThat(asRita.backlogByPriorityAndAge().total()).isZero();
        assertThat(asRita.automaticVsByHand().byHand()).isZero();
        OperationsReport asTheHub = metrics.all(from, to);
        assertThat(asTheHub.figures()).filteredOn(f -> f.key().equals("csat")).singleElement()
                .satisfies(f -> assertThat(f.denominator()).as("the rating is there for staff").isEqualTo(1));
        assertThat(asTheHub.automaticVsByHand().byHand()).isEqualTo(1);
    }

    private String person(String username, Set<Role> roles, Set<String> groups, String homeDesk) throws Exception {
        people.save(new PersonForm(username, username, username + "@example.com", null, null, PASSWORD, roles, groups));
        if (homeDesk != null) {
            adminPut("/api/v1/users/" + username + "/placement", Map.of("desk", homeDesk));
        }
        return username;
    }

    private void adminPut(String url, Object body) throws Exception {
        var request = put(url).with(httpBasic("admin", "admin-test-pw"));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        mvc.perform(request).andExpect(status().isOk());
    }

    private static JsonNode figure(JsonNode report, String key) {
        for (JsonNode figure : report.get("figures")) {
            if (figure.get("key").asText().equals(key)) {
                return figure;
            }
        }
        throw new AssertionError("no figure " + key + " in " + report);
    }
}
