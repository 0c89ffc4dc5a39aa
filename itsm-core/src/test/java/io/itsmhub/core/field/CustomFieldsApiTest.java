package io.itsmhub.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.people.PersonForm;
import io.itsmhub.core.people.Role;
import io.itsmhub.core.support.ApiTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Custom fields without code: a branch desk's incidents get a required category and, when the category is a store,
 * a required number of stores affected; the head office's form is unchanged; lists filter and sort on the fields.
 */
class CustomFieldsApiTest extends ApiTest {

    private String branch;
    private String teller;

    @BeforeEach
    void aBranchWithItsOwnIncidentFields() throws Exception {
        branch = "CF" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        put("admin", "/api/v1/desks/" + branch, Map.of("name", "Branch with fields", "parent", "HQ")).andExpect(status().isOk());
        teller = branch.toLowerCase() + "-teller";
        people.save(new PersonForm(teller, "Teller", null, null, null, PASSWORD, Set.of(Role.REQUESTER), Set.of()));
        put("admin", "/api/v1/users/" + teller + "/placement", Map.of("desk", branch)).andExpect(status().isOk());
        put("admin", "/api/v1/fields/incident/" + branch + "/category", field("Category", "CHOICE", true, null,
                Map.of("options", List.of("store", "office")))).andExpect(status().isOk());
        put("admin", "/api/v1/fields/incident/" + branch + "/storesAffected", field("Stores affected", "NUMBER", false,
                "category == \"store\"", Map.of("min", 1, "max", 500))).andExpect(status().isOk())
                .andExpect(jsonPath("$.requiredWhen").value("category == \"store\""));
    }

    @Test
    void aRequiredConditionalFieldOfTheBranchIsCheckedAndTheHeadOfficesFormIsUnchanged() throws Exception {
        postAs(teller, "/api/v1/incidents", Map.of("title", "Card reader down")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attributes.category"));
        postAs(teller, "/api/v1/incidents", Map.of("title", "Card readers down", "attributes", Map.of("category", "store")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attributes.storesAffected"))
                .andExpect(jsonPath("$.errors[0].message").value("is required when category == \"store\""));
        postAs(teller, "/api/v1/incidents", Map.of("title", "Readers", "attributes", Map.of("category", "store",
                "storesAffected", "0", "colour", "red"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("attributes.colour",
                        "attributes.storesAffected")));
        JsonNode created = body(postAs(teller, "/api/v1/incidents", Map.of("title", "Card readers down in 12 stores",
                "attributes", Map.of("category", "store", "storesAffected", "12"))).andExpect(status().isCreated()));
        assertThat(created.get("desk").asText()).isEqualTo(branch);
        assertThat(created.get("attributes").get("storesAffected").asText()).isEqualTo("12");
        postAs(teller, "/api/v1/incidents", Map.of("title", "Printer in the back office", "attributes",
                Map.of("category", "office"))).andExpect(status().isCreated());

        postAs("rita", "/api/v1/incidents", Map.of("title", "Head office printer")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.desk").value("HQ"));
        assertThat(body(getAs("alice", "/api/v1/fields/incident?desk=HQ")).findValuesAsText("name"))
                .doesNotContain("category", "storesAffected");
        String sub = branch + "-S";
        put("admin", "/api/v1/desks/" + sub, Map.of("name", "Its sub-branch", "parent", branch)).andExpect(status().isOk());
        assertThat(body(getAs("alice", "/api/v1/fields/incident?desk=" + sub)).findValuesAsText("name"))
                .as("inherited by the desks below").containsExactly("category", "storesAffected");

        String number = created.get("number").asText();
        patchAs("alice", "/api/v1/incidents/" + number, Map.of("attributes", Map.of("storesAffected", "501")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must be at most 500"));
        patchAs("alice", "/api/v1/incidents/" + number, Map.of("attributes", Map.of("storesAffected", "20")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.attributes.storesAffected").value("20"));
        JsonNode journal = body(getAs("alice", "/api/v1/incidents/" + number + "/journal"));
        assertThat(journal.findValuesAsText("field")).contains("attributes.storesAffected");
    }

    @Test
    void listsFilterAndSortOnCustomFieldsNumbersAsNumbers() throws Exception {
        Map<String, String> numbers = new HashMap<>();
        for (String stores : List.of("3", "12", "7")) {
            numbers.put(stores, body(postAs(teller, "/api/v1/incidents", Map.of("title", "Outage in " + stores + " stores",
                    "attributes", Map.of("category", "store", "storesAffected", stores)))
                    .andExpect(status().isCreated())).get("number").asText());
        }
        postAs(teller, "/api/v1/incidents", Map.of("title", "Office", "attributes", Map.of("category", "office")))
                .andExpect(status().isCreated());

        JsonNode page = body(getAs("alice", "/api/v1/incidents?size=50&attr=category:store&attr=storesAffected:12"));
        assertThat(page.get("items").findValuesAsText("number")).containsExactly(numbers.get("12"));
        List<String> byStores = body(getAs("alice", "/api/v1/incidents?size=200&caller=" + teller
                + "&attr=category:store&sort=attr.storesAffected,desc")).get("items").findValuesAsText("number");
        assertThat(byStores).as("12 before 7 before 3: sorted as numbers, not as text")
                .containsSubsequence(numbers.get("12"), numbers.get("7"), numbers.get("3"));
        getAs("alice", "/api/v1/incidents?attr=nonsense").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attr"));
    }

    @Test
    void aFieldThatCannotWorkIsRefusedWithTheReasonAndOnlyAdministratorsDefineFields() throws Exception {
        put("admin", "/api/v1/fields/incident/" + branch + "/region", field("Region", "CHOICE", false, null, Map.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("options"));
        put("admin", "/api/v1/fields/incident/" + branch + "/floor", field("Floor", "NUMBER", false, "building == \"A\"", Map.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("requiredWhen"))
                .andExpect(jsonPath("$.errors[0].message").value("names no field building"));
        put("admin", "/api/v1/fields/incident/" + branch + "/code", field("Code", "TEXT", false, null, Map.of("pattern", "([")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("pattern"));
        put("alice", "/api/v1/fields/incident/HQ/costCentre", field("Cost centre", "TEXT", false, null, Map.of()))
                .andExpect(status().isForbidden());
        put("rita", "/api/v1/fields/incident/HQ/costCentre", field("Cost centre", "TEXT", false, null, Map.of()))
                .andExpect(status().isForbidden());
    }

    private static Map<String, Object> field(String label, String type, boolean required, String requiredWhen,
                                             Map<String, Object> more) {
        Map<String, Object> form = new HashMap<>(more);
        form.put("label", label);
        form.put("type", type);
        form.put("required", required);
        if (requiredWhen != null) {
            form.put("requiredWhen", requiredWhen);
        }
        return form;
    }

    private ResultActions put(String user, String url, Object body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.put(url).with(httpBasic(user, user.equals("admin") ? "admin-test-pw" : PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }
}
