package io.itsmhub.core.people;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.itsmhub.core.support.ApiTest;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A small team allowed to combine the two manager roles still cannot authorise its own change. */
@TestPropertySource(properties = "hub.roles.allow-combined-manager-roles=true")
class CombinedManagerRolesApiTest extends ApiTest {

    @Test
    void oneManagerWithBothRolesDeploysWhatAnotherAuthorisedButNeverAuthorisesTheirOwn() throws Exception {
        people.save(new PersonForm("both", "Both", null, null, null, PASSWORD,
                Set.of(Role.CHANGE_MANAGER, Role.RELEASE_MANAGER), Set.of()));
        Instant start = Instant.parse("2030-03-01T10:00:00Z");
        String number = body(postAs("both", "/api/v1/changes", Map.of("title", "Patch DB", "type", "NORMAL",
                "plannedStart", start.toString(), "plannedEnd", start.plusSeconds(3600).toString()))
                .andExpect(status().isCreated())).get("number").asText();
        String url = "/api/v1/changes/" + number;
        postAs("both", url + "/assess", null).andExpect(status().isOk());
        postAs("both", url + "/authorise", null).andExpect(status().isForbidden());
        postAs("carol", url + "/authorise", null).andExpect(status().isOk());
        postAs("both", url + "/schedule", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SCHEDULED"));
    }
}
