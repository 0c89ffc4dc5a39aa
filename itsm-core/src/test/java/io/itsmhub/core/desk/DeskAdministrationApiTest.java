package io.itsmhub.core.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.itsmhub.core.people.PersonForm;
import io.itsmhub.core.people.Role;
import io.itsmhub.core.request.catalog.CatalogItemForm;
import io.itsmhub.core.request.catalog.CatalogService;
import io.itsmhub.core.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A branch's own administrator shapes the branch's part of the tree — desks below it, its groups, its SLA targets,
 * its catalog items — and nothing above or beside it; a branch's own catalog item is offered to its people only.
 */
class DeskAdministrationApiTest extends ApiTest {

    @Autowired CatalogService catalog;

    private String branch;
    private String branchAdmin;

    @BeforeEach
    void aBranchWithItsAdministrator() throws Exception {
        branch = "BR" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        put("admin", "/api/v1/desks/" + branch, Map.of("name", "A branch", "parent", "HQ")).andExpect(status().isOk());
        branchAdmin = branch.toLowerCase() + "-admin";
        people.save(new PersonForm(branchAdmin, "Branch admin", null, null, null, PASSWORD, Set.of(Role.AGENT), Set.of()));
        put(branchAdmin, "/api/v1/desks/" + branch + "/admins/" + branchAdmin, null).andExpect(status().isForbidden());
        put("admin", "/api/v1/desks/" + branch + "/admins/" + branchAdmin, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.admins[0]").value(branchAdmin));
    }

    @Test
    void aDeskAdministratorShapesTheirBranchAndNothingAboveOrBesideIt() throws Exception {
        String sub = branch + "-S";
        put(branchAdmin, "/api/v1/desks/" + sub, Map.of("name", "Sub-branch", "parent", branch)).andExpect(status().isOk());
        put(branchAdmin, "/api/v1/desks/" + branch, Map.of("name", "Renamed branch", "parent", "HQ", "seesChildren", false))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Renamed branch"));
        put(branchAdmin, "/api/v1/desks/" + branch + "-X", Map.of("name", "Beside it", "parent", "HQ"))
                .andExpect(status().isForbidden());
        put(branchAdmin, "/api/v1/desks/HQ", Map.of("name", "Mine now")).andExpect(status().isForbidden());
        put(branchAdmin, "/api/v1/desks/" + sub, Map.of("name", "Moved away", "parent", "HQ")).andExpect(status().isForbidden());

        String group = branch.toLowerCase() + "-team";
        people.saveGroup(group, "branch team", null);
        // a new group is on the head office, which the branch administrator does not administer
        put(branchAdmin, "/api/v1/desks/" + sub + "/groups/" + group, null)
                .andExpect(status().isForbidden());
        put("admin", "/api/v1/desks/" + branch + "/groups/" + group, null).andExpect(status().isOk());
        put(branchAdmin, "/api/v1/desks/" + sub + "/groups/" + group, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.groups[0]").value(group));
        put(branchAdmin, "/api/v1/desks/" + sub + "/groups/service-desk", null).andExpect(status().isForbidden());

        put(branchAdmin, "/api/v1/sla-targets", Map.of("desk", sub, "ticketType", "incident", "priority", "P1",
                "responseMinutes", 5, "resolutionMinutes", 60)).andExpect(status().isOk());
        put(branchAdmin, "/api/v1/sla-targets", Map.of("ticketType", "incident", "priority", "P1",
                "responseMinutes", 5, "resolutionMinutes", 60)).andExpect(status().isForbidden());
        put("alice", "/api/v1/desks/" + sub, Map.of("name", "Not hers", "parent", branch)).andExpect(status().isForbidden());
    }

    @Test
    void aBranchsOwnCatalogItemIsOfferedToItsPeopleAndDoesNotExistForOthers() throws Exception {
        String code = "br-" + branch.toLowerCase();
        catalog.save(new CatalogItemForm(code, "Branch safe key", null, "Branch", List.of(), false, null, true));
        String everyone = code + "-hq";
        catalog.save(new CatalogItemForm(everyone, "Headset", null, "Hardware", List.of(), false, null, true));
        put(branchAdmin, "/api/v1/catalog/" + code + "/desk", Map.of("desk", branch)).andExpect(status().isForbidden());
        put("admin", "/api/v1/catalog/" + code + "/desk", Map.of("desk", branch)).andExpect(status().isOk())
                .andExpect(jsonPath("$.desk").value(branch));

        String teller = branch.toLowerCase() + "-teller";
        people.save(new PersonForm(teller, "Teller", null, null, null, PASSWORD, Set.of(Role.REQUESTER), Set.of()));
        put("admin", "/api/v1/users/" + teller + "/placement", Map.of("desk", branch)).andExpect(status().isOk());

        assertThat(body(getAs(teller, "/api/v1/catalog")).findValuesAsText("code")).as("the branch's and the head office's")
                .contains(code, everyone);
        assertThat(body(getAs("rita", "/api/v1/catalog")).findValuesAsText("code")).contains(everyone).doesNotContain(code);
        getAs("rita", "/api/v1/catalog/" + code).andExpect(status().isNotFound());
        postAs("rita", "/api/v1/requests", Map.of("catalogItem", code)).andExpect(status().isNotFound());
        postAs(teller, "/api/v1/requests", Map.of("catalogItem", code)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.desk").value(branch));
    }

    private ResultActions put(String user, String url, Object body) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(url)
                .with(httpBasic(user, user.equals("admin") ? "admin-test-pw" : PASSWORD));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request);
    }
}
