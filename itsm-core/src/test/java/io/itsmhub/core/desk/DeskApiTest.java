package io.itsmhub.core.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.itsmhub.core.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** The desk tree: head office, branches below it, no cycles; who sees which desks; who may shape the tree. */
class DeskApiTest extends ApiTest {

    @Autowired DeskService desks;

    @Test
    void theHeadOfficeSeesItsBranchesAndABranchSeesOnlyItselfAndBelow() throws Exception {
        String sh = unique("SH");
        String pudong = unique("PD");
        String bj = unique("BJ");
        putDesk(sh, Map.of("name", "Shanghai branch", "parent", "HQ")).andExpect(status().isOk());
        putDesk(pudong, Map.of("name", "Pudong sub-branch", "parent", sh)).andExpect(status().isOk());
        putDesk(bj, Map.of("name", "Beijing branch", "parent", "HQ", "seesChildren", false)).andExpect(status().isOk());
        String shGroup = sh.toLowerCase() + "-desk";
        people.saveGroup(shGroup, "Shanghai first line", null);
        adminPut("/api/v1/desks/" + sh + "/groups/" + shGroup).andExpect(status().isOk())
                .andExpect(jsonPath("$.groups[0]").value(shGroup));

        assertThat(desks.scopeOfGroups(Set.of(shGroup)).desks()).containsExactlyInAnyOrder(sh, pudong);
        DeskScope headOffice = desks.scopeOfGroups(Set.of("service-desk"));
        assertThat(List.of("HQ", sh, pudong, bj)).as("a head-office group").allMatch(headOffice::sees);
        assertThat(headOffice.all()).as("every desk, so no filter at all").isTrue();
        assertThat(desks.scopeOf(Set.of(), sh).desks()).as("a branch agent in no group: their home desk")
                .containsExactlyInAnyOrder(sh, pudong);
        assertThat(body(getAs("alice", "/api/v1/desks")).get("children").findValuesAsText("code")).contains(sh, bj);
    }

    @Test
    void theTreeRefusesACycleAnUnknownParentAndASecondRoot() throws Exception {
        String a = unique("A");
        String b = unique("B");
        putDesk(a, Map.of("name", "A", "parent", "HQ")).andExpect(status().isOk());
        putDesk(b, Map.of("name", "B", "parent", a)).andExpect(status().isOk());
        putDesk(a, Map.of("name", "A", "parent", b)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parent"));
        putDesk(unique("C"), Map.of("name", "C", "parent", "NOWHERE")).andExpect(status().isBadRequest());
        putDesk(unique("D"), Map.of("name", "D")).andExpect(status().isBadRequest()); // a second root
        putDesk("HQ", Map.of("name", "Head office", "parent", a)).andExpect(status().isBadRequest());
        assertThat(desks.get(a).parent()).isEqualTo("HQ");
    }

    @Test
    void onlyAnAdministratorShapesTheTreeAndRequestersDoNotReadIt() throws Exception {
        mvc.perform(put("/api/v1/desks/" + unique("X")).with(httpBasic("alice", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"X\",\"parent\":\"HQ\"}"))
                .andExpect(status().isForbidden());
        getAs("rita", "/api/v1/desks").andExpect(status().isForbidden());
        getAs("alice", "/api/v1/desks/NOWHERE").andExpect(status().isNotFound());
    }

    private ResultActions putDesk(String code, Map<String, Object> form) throws Exception {
        return mvc.perform(put("/api/v1/desks/" + code).with(httpBasic("admin", "admin-test-pw"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form)));
    }

    private ResultActions adminPut(String url) throws Exception {
        return mvc.perform(put(url).with(httpBasic("admin", "admin-test-pw")));
    }

    private static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }
}
