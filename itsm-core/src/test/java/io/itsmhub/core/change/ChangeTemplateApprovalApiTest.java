package io.itsmhub.core.change;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.itsmhub.core.support.ApiTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A standard-change template is approved by a change manager other than its author before anyone uses it. */
class ChangeTemplateApprovalApiTest extends ApiTest {

    @Test
    void aDraftTemplateCannotBeUsedAndItsAuthorCannotApproveIt() throws Exception {
        String name = "draft-" + UUID.randomUUID().toString().substring(0, 8);
        postAs("carol", "/api/v1/change-templates", Map.of("name", name, "title", "Restart payments", "pipeline", "ops/restart"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.createdBy").value("carol")).andExpect(jsonPath("$.approvedBy").isEmpty());
        String standard = "/api/v1/changes";
        postAs("rob", standard, Map.of("title", "restart", "template", name)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Template not approved"))
                .andExpect(jsonPath("$.detail").value(containsString(name)));

        postAs("carol", "/api/v1/change-templates/" + name + "/approve", null).andExpect(status().isForbidden());
        postAs("rob", "/api/v1/change-templates/" + name + "/approve", null).andExpect(status().isForbidden());
        postAs("dave", "/api/v1/change-templates/" + name + "/approve", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED")).andExpect(jsonPath("$.approvedBy").value("dave"))
                .andExpect(jsonPath("$.approvedAt").isNotEmpty());
        postAs("carol", "/api/v1/change-templates/" + name + "/approve", null).andExpect(status().isConflict());

        postAs("rob", standard, Map.of("title", "restart", "template", name)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AUTHORISED")).andExpect(jsonPath("$.authorisedBy").value("dave"));
        postAs("carol", standard, Map.of("title", "restart by its author", "template", name)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AUTHORISED")).andExpect(jsonPath("$.authorisedBy").value("dave"));
    }

    @Test
    void theTemplatesApproverDoesNotPreAuthoriseTheirOwnStandardChange() throws Exception {
        String name = "own-" + UUID.randomUUID().toString().substring(0, 8);
        postAs("carol", "/api/v1/change-templates", Map.of("name", name, "title", "Rotate keys")).andExpect(status().isCreated());
        postAs("dave", "/api/v1/change-templates/" + name + "/approve", null).andExpect(status().isOk());

        String number = body(postAs("dave", "/api/v1/changes", Map.of("title", "rotate", "template", name))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("ASSESS"))
                .andExpect(jsonPath("$.authorisedBy").isEmpty())).get("number").asText();
        postAs("dave", "/api/v1/changes/" + number + "/authorise", null).andExpect(status().isForbidden());
        postAs("carol", "/api/v1/changes/" + number + "/authorise", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.authorisedBy").value("carol"));
    }
}
