package io.itsmhub.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.outbox.OutboxConsumer;
import io.itsmhub.core.outbox.OutboxEvent;
import io.itsmhub.core.request.catalog.CatalogItemForm;
import io.itsmhub.core.request.catalog.CatalogService;
import io.itsmhub.core.request.catalog.FormField;
import io.itsmhub.core.support.ApiTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RequestApiTest extends ApiTest {

    private static final Map<String, Object> VALID = Map.of("count", 2, "environment", "dev",
            "software", List.of("nginx", "redis"), "justification", "load test");

    @Autowired CatalogService catalog;
    @Autowired OutboxConsumer outbox;

    @BeforeEach
    void catalogItems() {
        catalog.save(new CatalogItemForm("test-vm", "Test VM", null, "Compute", List.of(
                new FormField("count", "Count", FormField.Type.NUMBER, true, BigDecimal.ONE, BigDecimal.TEN, null),
                new FormField("environment", "Environment", FormField.Type.CHOICE, true, null, null, List.of("dev", "prod")),
                new FormField("software", "Software", FormField.Type.MULTI_CHOICE, false, null, null,
                        List.of("postgresql", "nginx", "redis")),
                new FormField("justification", "Why", FormField.Type.TEXT, true, null, BigDecimal.valueOf(100), null)),
                true, "platform", true));
        catalog.save(new CatalogItemForm("mouse", "A mouse", null, "Hardware", List.of(), false, null, true));
    }

    @Test
    void aRequestIsSubmittedApprovedAndFulfilledWithItsJournalAndApprovals() throws Exception {
        JsonNode submitted = body(postAs("rita", "/api/v1/requests", Map.of("catalogItem", "test-vm", "values", VALID))
                .andExpect(status().isCreated()));
        String number = submitted.get("number").asText();
        assertThat(number).matches("REQ-\\d{6}");
        assertThat(submitted.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(submitted.get("assignmentGroup").asText()).isEqualTo("platform");
        assertThat(submitted.get("values").get("software").findValuesAsText("")).isEmpty();
        assertThat(submitted.get("values").get("count").asInt()).isEqualTo(2);

        String url = "/api/v1/requests/" + number;
        postAs("mike", url + "/approve", Map.of("text", "ok for the load test"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approvals[0].approver").value("mike"))
                .andExpect(jsonPath("$.approvals[0].decision").value("APPROVED"))
                .andExpect(jsonPath("$.approvals[0].comment").value("ok for the load test"));
        postAs("alice", url + "/start-fulfilment", null).andExpect(jsonPath("$.status").value("IN_FULFILMENT"));
        postAs("alice", url + "/fulfil", Map.of("reason", "2 VMs delivered")).andExpect(jsonPath("$.status").value("FULFILLED"))
                .andExpect(jsonPath("$.closedAt").isNotEmpty());

        JsonNode journal = body(getAs("rita", url + "/journal"));
        assertThat(journal.findValuesAsText("newValue"))
                .containsSubsequence("AWAITING_APPROVAL", "APPROVED", "IN_FULFILMENT", "FULFILLED");
        assertThat(outbox.forTicket(number)).extracting(OutboxEvent::type).containsExactly("RequestSubmitted",
                "RequestApprovalRequested", "RequestApproved", "RequestTransitioned", "RequestTransitioned");
    }

    @Test
    void anItemWithoutApprovalIsApprovedOnSubmitAndARejectionEndsARequest() throws Exception {
        postAs("rita", "/api/v1/requests", Map.of("catalogItem", "mouse")).andExpect(jsonPath("$.status").value("APPROVED"));
        String number = body(postAs("rita", "/api/v1/requests", Map.of("catalogItem", "test-vm", "values", VALID)))
                .get("number").asText();
        postAs("mike", "/api/v1/requests/" + number + "/reject", Map.of("text", "use the shared cluster"))
                .andExpect(jsonPath("$.status").value("REJECTED")).andExpect(jsonPath("$.allowedActions").isEmpty());
        postAs("mike", "/api/v1/requests/" + number + "/approve", null).andExpect(status().isConflict());
    }

    @Test
    void nobodyApprovesTheirOwnRequest() throws Exception {
        String number = body(postAs("mike", "/api/v1/requests", Map.of("catalogItem", "test-vm", "values", VALID)))
                .get("number").asText();
        postAs("mike", "/api/v1/requests/" + number + "/approve", null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("nobody approves their own request (" + number + ")"));
        getAs("mike", "/api/v1/requests/" + number).andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"))
                .andExpect(jsonPath("$.approvals").isEmpty());
    }

    @Test
    void formValuesAreValidatedAgainstTheItemsSchemaFieldByField() throws Exception {
        JsonNode problem = body(postAs("rita", "/api/v1/requests", Map.of("catalogItem", "test-vm", "values",
                Map.of("count", 11, "environment", "staging", "software", List.of("oracle"), "colour", "red")))
                .andExpect(status().isBadRequest()));
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "values.colour", "values.count", "values.environment", "values.software", "values.justification");
        postAs("rita", "/api/v1/requests", Map.of("catalogItem", "no-such-item")).andExpect(status().isNotFound());
    }

    @Test
    void aRequesterCannotReadAnotherRequestersRequest() throws Exception {
        String number = body(postAs("rita", "/api/v1/requests", Map.of("catalogItem", "mouse"))).get("number").asText();
        getAs("rita", "/api/v1/requests/" + number).andExpect(status().isOk());
        getAs("rick", "/api/v1/requests/" + number).andExpect(status().isForbidden());
        getAs("rick", "/api/v1/requests/" + number + "/journal").andExpect(status().isForbidden());
        postAs("rick", "/api/v1/requests/" + number + "/cancel", null).andExpect(status().isForbidden());
        JsonNode ricks = body(getAs("rick", "/api/v1/requests?requester=rita&size=200"));
        assertThat(ricks.get("items").findValuesAsText("requester")).allMatch("rick"::equals);
        getAs("alice", "/api/v1/requests/" + number).andExpect(status().isOk());
        postAs("rita", "/api/v1/requests", Map.of("catalogItem", "mouse", "requestedFor", "rick"))
                .andExpect(status().isForbidden());
    }
}
