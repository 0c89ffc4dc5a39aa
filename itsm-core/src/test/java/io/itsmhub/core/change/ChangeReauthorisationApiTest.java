package io.itsmhub.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.support.ApiTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An authorisation covers the change as it was authorised: edit what it covered and it must be authorised again. */
class ChangeReauthorisationApiTest extends ApiTest {

    static Stream<Arguments> coveredFields() {
        return Stream.of(
                Arguments.of("risk", "HIGH"),
                Arguments.of("plannedStart", "2030-04-01T09:00:00Z"), // an hour earlier, same end
                Arguments.of("plannedEnd", "2030-04-01T15:00:00Z"),
                Arguments.of("pipeline", "payments/deploy-prod-eu"),
                Arguments.of("parameters", Map.of("REPLICAS", 30)),
                Arguments.of("releaseVersion", "2.6.0"),
                Arguments.of("rollbackPipeline", "payments/rollback-prod-eu"),
                Arguments.of("targetCis", "another CI"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coveredFields")
    void editingWhatTheAuthorisationCoveredSendsAScheduledChangeBackToAssessment(String field, Object value) throws Exception {
        String number = scheduledRelease();
        Object sent = "another CI".equals(value) ? List.of(ci()) : value;
        JsonNode edited = body(patchAs("rob", "/api/v1/changes/" + number, Map.of(field, sent)).andExpect(status().isOk()));
        assertThat(edited.get("status").asText()).isEqualTo("ASSESS");
        assertThat(edited.get("authorisedBy").isNull()).isTrue();

        JsonNode journal = body(getAs("rob", "/api/v1/changes/" + number + "/journal"));
        assertThat(journal.findValues("field")).extracting(JsonNode::asText).contains(field);
        assertThat(texts(journal)).anyMatch(m -> m.startsWith("reassess: " + field + " changed by rob after authorisation"));
        postAs("rob", "/api/v1/changes/" + number + "/deploy", null).andExpect(status().isConflict());
        postAs("carol", "/api/v1/changes/" + number + "/authorise", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AUTHORISED")).andExpect(jsonPath("$.authorisedBy").value("carol"));
    }

    @Test
    void titleAndDescriptionAndUnchangedValuesKeepTheAuthorisation() throws Exception {
        String number = scheduledRelease();
        JsonNode before = body(getAs("rob", "/api/v1/changes/" + number));
        Map<String, Object> edit = new HashMap<>(Map.of("title", "payments-api 2.5.0 (EU)", "description", "with the EU cluster",
                "risk", before.get("risk").asText(), "releaseVersion", "2.5.0", "parameters", Map.of("REPLICAS", 3),
                "plannedStart", before.get("plannedStart").asText()));
        patchAs("rob", "/api/v1/changes/" + number, edit).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SCHEDULED")).andExpect(jsonPath("$.authorisedBy").value("carol"))
                .andExpect(jsonPath("$.title").value("payments-api 2.5.0 (EU)"));
    }

    @Test
    void anAuthorisedEmergencyEditedLosesItsExpeditedApproval() throws Exception {
        String number = create(Map.of("title", "Hotfix " + tag(), "type", "EMERGENCY"));
        postAs("carol", "/api/v1/changes/" + number + "/authorise", null).andExpect(jsonPath("$.expedited").value(true));
        patchAs("rob", "/api/v1/changes/" + number, Map.of("risk", "HIGH")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ASSESS")).andExpect(jsonPath("$.expedited").value(false));
    }

    @Test
    void aReleaseWhosePipelineRunsCannotChangeWhatItDeploys() throws Exception {
        String number = scheduledRelease(clock.instant().minus(1, ChronoUnit.MINUTES));
        postAs("rob", "/api/v1/changes/" + number + "/deploy", null).andExpect(status().isAccepted());

        patchAs("rob", "/api/v1/changes/" + number, Map.of("parameters", Map.of("REPLICAS", 30)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.title").value("Release in flight"))
                .andExpect(jsonPath("$.detail").value(containsString("parameters")));
        patchAs("rob", "/api/v1/changes/" + number, Map.of("releaseVersion", "9.9.9")).andExpect(status().isConflict());
        patchAs("rob", "/api/v1/changes/" + number, Map.of("title", "payments-api 2.5.0, deploying"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IMPLEMENTING"));
        JsonNode change = body(getAs("rob", "/api/v1/changes/" + number));
        assertThat(change.get("releaseVersion").asText()).isEqualTo("2.5.0");
        assertThat(change.get("runs").get(0).get("parameters").get("REPLICAS").asText()).isEqualTo("3");
    }

    @Test
    void aStandardChangeKeepsItsPreAuthorisationForANewWindowButIsScheduledAgainAndCannotLeaveItsTemplate() throws Exception {
        String template = "reauth-" + tag();
        postAs("carol", "/api/v1/change-templates", Map.of("name", template, "title", "Deploy", "pipeline", "a/deploy"))
                .andExpect(status().isCreated());
        postAs("dave", "/api/v1/change-templates/" + template + "/approve", null).andExpect(status().isOk());
        Instant start = Instant.parse("2030-05-01T10:00:00Z");
        String number = create(Map.of("title", "std", "template", template, "plannedStart", start.toString(),
                "plannedEnd", start.plus(1, ChronoUnit.HOURS).toString()));
        postAs("rob", "/api/v1/changes/" + number + "/schedule", null).andExpect(status().isOk());

        patchAs("rob", "/api/v1/changes/" + number, Map.of("pipeline", "a/other")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("pipeline"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(template)));
        patchAs("rob", "/api/v1/changes/" + number, Map.of("plannedStart", start.plus(2, ChronoUnit.DAYS).toString(),
                "plannedEnd", start.plus(2, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS).toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("AUTHORISED"))
                .andExpect(jsonPath("$.authorisedBy").value("dave"));
    }

    private String scheduledRelease() throws Exception {
        return scheduledRelease(Instant.parse("2030-04-01T10:00:00Z"));
    }

    private String scheduledRelease(Instant start) throws Exception {
        Map<String, Object> form = new HashMap<>(Map.of("title", "payments-api 2.5.0", "type", "NORMAL",
                "pipeline", "payments/deploy-prod", "parameters", Map.of("REPLICAS", 3), "releaseVersion", "2.5.0",
                "targetCis", List.of(ci()), "plannedStart", start.toString(),
                "plannedEnd", start.plus(2, ChronoUnit.HOURS).toString(), "rollbackPipeline", "payments/rollback-prod"));
        String number = create(form);
        postAs("rob", "/api/v1/changes/" + number + "/assess", null).andExpect(status().isOk());
        postAs("carol", "/api/v1/changes/" + number + "/authorise", null).andExpect(status().isOk());
        postAs("rob", "/api/v1/changes/" + number + "/schedule", null).andExpect(status().isOk());
        return number;
    }

    private String create(Map<String, Object> form) throws Exception {
        return body(postAs("rob", "/api/v1/changes", form).andExpect(status().isCreated())).get("number").asText();
    }

    private String ci() throws Exception {
        return body(postAs("alice", "/api/v1/cis", Map.of("name", "app-" + tag(), "ciClass", "APPLICATION"))
                .andExpect(status().isCreated())).get("number").asText();
    }

    private static List<String> texts(JsonNode journal) {
        return journal.findValuesAsText("message");
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
