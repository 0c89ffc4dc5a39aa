package io.itsmhub.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.itsmhub.core.outbox.OutboxConsumer;
import io.itsmhub.core.outbox.OutboxEvent;
import io.itsmhub.core.people.PersonForm;
import io.itsmhub.core.people.Role;
import io.itsmhub.core.request.catalog.ApprovalStep;
import io.itsmhub.core.request.catalog.CatalogItemForm;
import io.itsmhub.core.request.catalog.CatalogService;
import io.itsmhub.core.request.catalog.FormField;
import io.itsmhub.core.request.catalog.Pricing;
import io.itsmhub.core.support.ApiTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A VM order walks its approval chain: manager, security for prod, finance above a cost; only each step's approvers decide. */
class ApprovalChainApiTest extends ApiTest {

    @Autowired CatalogService catalog;
    @Autowired RequestService requests;
    @Autowired OutboxConsumer outbox;

    @BeforeEach
    void vmItem() {
        if (people.find("sec").isPresent()) {
            return;
        }
        people.saveGroup("security", "security", null);
        people.saveGroup("finance", "finance", null);
        people.save(new PersonForm("sec", "Sec", null, null, null, PASSWORD, Set.of(Role.AGENT), Set.of("security")));
        people.save(new PersonForm("fin", "Fin", null, null, null, PASSWORD, Set.of(Role.AGENT), Set.of("finance")));
        people.save(new PersonForm("gus", "Gus", null, null, null, PASSWORD, Set.of(Role.AGENT), Set.of()));
        people.save(new PersonForm("fay", "Fay", null, null, "gus", PASSWORD, Set.of(Role.AGENT), Set.of()));
        people.save(new PersonForm("ed", "Ed", null, null, "fay", PASSWORD, Set.of(Role.REQUESTER), Set.of()));
        FormField cpu = new FormField("cpu", "vCPUs", FormField.Type.NUMBER, true, BigDecimal.ONE, BigDecimal.valueOf(64), null);
        FormField env = new FormField("environment", "Env", FormField.Type.CHOICE, true, null, null, List.of("dev", "prod"));
        catalog.save(new CatalogItemForm("chain-vm", "VM", null, "Compute", List.of(cpu, env), true, "platform", true,
                List.of(ApprovalStep.manager(), ApprovalStep.group("security", "environment", "prod"),
                        ApprovalStep.costAbove("finance", BigDecimal.valueOf(500))),
                null, new Pricing(BigDecimal.TEN, BigDecimal.valueOf(20), null, null, null), 4));
    }

    @Test
    void aLargeProductionVmNeedsManagerSecurityAndFinanceInThatOrder() throws Exception {
        String number = order("rita", 32, "prod");
        String url = "/api/v1/requests/" + number;
        getAs("rita", url).andExpect(jsonPath("$.slaTimeLeft").value("PT4H")).andExpect(jsonPath("$.cost").value(650.0)).andExpect(jsonPath("$.currentApprovers[0]").value("mike"))
                .andExpect(jsonPath("$.executor").value("approval by mike"));
        postAs("rita", url + "/approve", null).andExpect(status().isForbidden());
        postAs("sec", url + "/approve", null).andExpect(status().isForbidden());

        postAs("mike", url + "/approve", Map.of("text", "fine")).andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"))
                .andExpect(jsonPath("$.currentApprovers[0]").value("group:security"));
        postAs("sec", url + "/approve", null).andExpect(jsonPath("$.currentApprovers[0]").value("group:finance"));
        postAs("fin", url + "/approve", null).andExpect(jsonPath("$.status").value("APPROVED"));

        assertThat(outbox.forTicket(number)).extracting(OutboxEvent::type)
                .containsSubsequence("RequestApprovalRequested", "RequestApprovalRequested", "RequestApprovalRequested", "RequestApproved")
                .containsOnlyOnce("RequestApproved");
        assertThat(requests.get(number).approvals()).extracting(RequestView.ApprovalView::approver).containsExactly("mike", "sec", "fin");
    }

    @Test
    void aSmallDevVmNeedsOnlyTheManagerAndARejectionEndsTheRequest() throws Exception {
        String small = order("rita", 2, "dev");
        postAs("mike", "/api/v1/requests/" + small + "/approve", null).andExpect(jsonPath("$.status").value("APPROVED"));
        assertThat(body(getAs("rita", "/api/v1/requests/" + small + "/journal")).findValuesAsText("message"))
                .anyMatch(m -> m.startsWith("Approval by security does not apply"))
                .anyMatch(m -> m.startsWith("Approval by finance (cost over 500) does not apply"));

        String rejected = order("rita", 2, "dev");
        postAs("mike", "/api/v1/requests/" + rejected + "/reject", Map.of("text", "not now")).andExpect(jsonPath("$.status").value("REJECTED"));
        postAs("mike", "/api/v1/requests/" + rejected + "/approve", null).andExpect(status().isConflict());
    }

    @Test
    void anUnansweredStepEscalatesToTheApproversManager() throws Exception {
        String number = order("ed", 2, "dev");
        postAs("gus", "/api/v1/requests/" + number + "/approve", null).andExpect(status().isForbidden());
        clock.advance(Duration.ofHours(25));
        assertThat(requests.escalateOverdueApprovals(Duration.ofHours(24))).isGreaterThanOrEqualTo(1);
        getAs("fay", "/api/v1/requests/" + number).andExpect(jsonPath("$.currentApprovers").value(org.hamcrest.Matchers.contains("fay", "gus")));
        postAs("gus", "/api/v1/requests/" + number + "/approve", null).andExpect(jsonPath("$.status").value("APPROVED"));
    }

    private String order(String user, int cpu, String env) throws Exception {
        return body(postAs(user, "/api/v1/requests", Map.of("catalogItem", "chain-vm", "values", Map.of("cpu", cpu, "environment", env)))
                .andExpect(status().isCreated())).get("number").asText();
    }
}
