package io.itsmhub.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.notification.Notifications;
import io.itsmhub.core.outbox.OutboxConsumer;
import io.itsmhub.core.outbox.OutboxEvent;
import io.itsmhub.core.people.PersonForm;
import io.itsmhub.core.people.Role;
import io.itsmhub.core.request.catalog.ApprovalStep;
import io.itsmhub.core.request.catalog.CatalogItemForm;
import io.itsmhub.core.request.catalog.CatalogService;
import io.itsmhub.core.request.catalog.FormField;
import io.itsmhub.core.support.ApiTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Segregation of duties on requests: neither the requester nor the person who opened a request decides a step of it,
 * one person decides at most one step, and a step whose only approver is excluded goes up the reporting line. Access
 * orders name only grantable groups, never one that gives a hub role; a password reset needs the person's own
 * confirmation (for someone else) or their password again (for oneself).
 */
@TestPropertySource(properties = {"hub.ldap.group-roles.itsm-agents=agent", "hub.ldap.group-roles.itsm-admins=admin",
        "hub.requests.grantable-groups.sod-access=vpn-users"})
class RequestDutiesApiTest extends ApiTest {

    @Autowired CatalogService catalog;
    @Autowired OutboxConsumer outbox;
    @Autowired Notifications notifications;

    /** xena ← walt ← vera ← una (manager chains); sod-finance is vera alone; sod-security is vera and yann. */
    @BeforeEach
    void dutiesFixture() {
        if (people.find("vera").isPresent()) {
            return;
        }
        people.saveGroup("sod-finance", "finance", null);
        people.saveGroup("sod-security", "security", null);
        person("xena", null, Role.AGENT, Set.of());
        person("walt", "xena", Role.AGENT, Set.of());
        person("vera", "walt", Role.AGENT, Set.of("sod-finance", "sod-security"));
        person("yann", "walt", Role.AGENT, Set.of("sod-security"));
        person("una", "vera", Role.REQUESTER, Set.of());
        FormField why = new FormField("justification", "Why", FormField.Type.TEXT, false, null, BigDecimal.valueOf(200), null);
        FormField group = new FormField("group", "Group", FormField.Type.TEXT, true, null, BigDecimal.valueOf(100), null);
        FormField user = new FormField("user", "User", FormField.Type.TEXT, false, null, BigDecimal.valueOf(100), null);
        catalog.save(new CatalogItemForm("sod-platform", "Platform change", null, "Other", List.of(why), true,
                "service-desk", true, List.of(ApprovalStep.group("platform", null, null)), null, null, null));
        catalog.save(new CatalogItemForm("sod-chain", "Manager then security", null, "Other", List.of(why), true,
                "service-desk", true, List.of(ApprovalStep.manager(), ApprovalStep.group("sod-security", null, null)),
                null, null, null));
        catalog.save(new CatalogItemForm("sod-manager", "Manager only", null, "Other", List.of(why), true,
                "service-desk", true, List.of(ApprovalStep.manager()), null, null, null));
        catalog.save(new CatalogItemForm("sod-finance", "Manager then finance", null, "Other", List.of(why), true,
                "service-desk", true, List.of(ApprovalStep.manager(), ApprovalStep.group("sod-finance", null, null)),
                null, null, null));
        catalog.save(new CatalogItemForm("sod-access", "Access", null, "Access", List.of(group, user, why), true,
                "service-desk", true, List.of(ApprovalStep.manager()), "directory-access", null, null,
                List.of("wiki-editors", "itsm-admins")));
        catalog.save(new CatalogItemForm("sod-reset", "Password reset", null, "Access", List.of(why), false,
                "service-desk", true, null, "password-reset", null, null));
    }

    @Test
    void theAgentWhoOpenedARequestForSomeoneDecidesNoStepOfItWhileTheGroupsOtherMembersDo() throws Exception {
        String number = order("alice", "sod-platform", Map.of(), "rita");
        String url = "/api/v1/requests/" + number;
        getAs("alice", url).andExpect(jsonPath("$.openedBy").value("alice")).andExpect(jsonPath("$.requester").value("rita"))
                .andExpect(jsonPath("$.currentApprovers", contains("group:platform")));

        postAs("alice", url + "/approve", null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.rule").value("opener-decides-no-step"))
                .andExpect(jsonPath("$.detail").value("alice opened " + number + " for rita and so decides none of its approvals"));
        postAs("alice", url + "/reject", Map.of("text", "no")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.rule").value("opener-decides-no-step"));
        postAs("rita", url + "/approve", null).andExpect(status().isForbidden());
        getAs("alice", url).andExpect(jsonPath("$.approvals").isEmpty()).andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"));

        postAs("mike", url + "/approve", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));

        String own = order("mike", "sod-platform", Map.of(), null);
        postAs("mike", "/api/v1/requests/" + own + "/approve", null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.rule").value("requester-decides-no-step"));
    }

    @Test
    void onePersonDecidesAtMostOneStepOfARequest() throws Exception {
        String number = order("una", "sod-chain", Map.of(), null);
        String url = "/api/v1/requests/" + number;
        postAs("vera", url + "/approve", null).andExpect(jsonPath("$.currentApprovers", contains("group:sod-security")));

        postAs("vera", url + "/approve", null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.rule").value("one-step-per-person"))
                .andExpect(jsonPath("$.detail").value("vera already decided a step of " + number + "; one person decides at most one step"));
        postAs("vera", url + "/reject", Map.of("text", "changed my mind")).andExpect(status().isForbidden());
        getAs("vera", url).andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"));

        postAs("yann", url + "/approve", null).andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approvals[*].approver", contains("vera", "yann")));
    }

    @Test
    void aManagerWhoOpenedTheRequestForTheirReportLeavesTheStepToTheirOwnManagerWhoIsTold() throws Exception {
        String number = order("vera", "sod-manager", Map.of(), "una");
        String url = "/api/v1/requests/" + number;
        getAs("vera", url).andExpect(jsonPath("$.currentApprovers", contains("walt")))
                .andExpect(jsonPath("$.executor").value("approval by walt"));
        assertThat(messages(number)).contains("Approval by the manager goes to walt: vera opened the request");
        OutboxEvent asked = outbox.forTicket(number).stream().filter(e -> e.type().equals("RequestApprovalRequested"))
                .findFirst().orElseThrow();
        assertThat(json.readTree(asked.payload()).get("approvers").toString()).isEqualTo("[\"walt\"]");
        notifications.plan(asked);
        assertThat(plannedAddresses(number)).containsExactly("walt@example.com");

        postAs("vera", url + "/approve", null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.rule").value("opener-decides-no-step"));
        postAs("walt", url + "/approve", null).andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void aGroupStepWhoseOnlyMemberDecidedTheManagerStepGoesToThatMembersManager() throws Exception {
        String number = order("una", "sod-finance", Map.of(), null);
        String url = "/api/v1/requests/" + number;
        postAs("vera", url + "/approve", null).andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"))
                .andExpect(jsonPath("$.currentApprovers", contains("walt")));
        assertThat(messages(number)).contains("Approval by group sod-finance goes to walt: vera decided an earlier step");

        postAs("vera", url + "/approve", null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.rule").value("one-step-per-person"));
        postAs("walt", url + "/approve", null).andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void anAccessOrderNamesOnlyAGrantableGroupAndNeverOneThatGivesAHubRole() throws Exception {
        JsonNode outside = body(postAs("rita", "/api/v1/requests", access("finance-share")).andExpect(status().isBadRequest()));
        assertThat(outside.get("errors").findValuesAsText("field")).containsExactly("values.group");
        assertThat(outside.get("errors").findValuesAsText("message")).containsExactly(
                "'finance-share' is not grantable through sod-access (grantable: itsm-admins, vpn-users, wiki-editors)");

        JsonNode admin = body(postAs("rita", "/api/v1/requests", access("ITSM-Admins")).andExpect(status().isBadRequest()));
        assertThat(admin.get("errors").findValuesAsText("field")).containsExactly("values.group");
        assertThat(admin.get("errors").findValuesAsText("message"))
                .containsExactly("'ITSM-Admins' gives the hub role admin and is never granted through the catalog");
        postAs("alice", "/api/v1/requests", Map.of("catalogItem", "sod-access", "requestedFor", "rita",
                "values", Map.of("group", "itsm-agents"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("values.group"));

        postAs("rita", "/api/v1/requests", Map.of("catalogItem", "sod-access",
                "values", Map.of("group", "wiki-editors", "user", "rick"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("values.user"));

        postAs("rita", "/api/v1/requests", access("wiki-editors")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.values.group").value("wiki-editors"));
        postAs("rita", "/api/v1/requests", access("vpn-users")).andExpect(status().isCreated());
    }

    @Test
    void aPasswordResetForSomeoneElseWaitsForTheirConfirmationOrTheirManagersApproval() throws Exception {
        String number = order("alice", "sod-reset", Map.of(), "rita");
        String url = "/api/v1/requests/" + number;
        getAs("rita", url).andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"))
                .andExpect(jsonPath("$.currentApprovers", contains("rita", "mike")))
                .andExpect(jsonPath("$.executor").value("confirmation by rita or approval by mike"));
        assertThat(outbox.forTicket(number)).extracting(OutboxEvent::type).doesNotContain("RequestApproved");

        postAs("alice", url + "/approve", null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.rule").value("opener-decides-no-step"));
        postAs("alice", url + "/confirm", null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.rule").value("confirmed-by-requester"));
        postAs("rick", url + "/confirm", null).andExpect(status().isForbidden());
        postAs("rita", url + "/approve", null).andExpect(status().isForbidden());

        postAs("rita", url + "/confirm", Map.of("text", "yes, that was me on the phone")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approvals[0].approver").value("rita"))
                .andExpect(jsonPath("$.approvals[0].decision").value("CONFIRMED"));
        assertThat(outbox.forTicket(number)).extracting(OutboxEvent::type).containsOnlyOnce("RequestApproved");
        postAs("rita", url + "/confirm", null).andExpect(status().isConflict());

        String byManager = order("alice", "sod-reset", Map.of(), "rick");
        postAs("mike", "/api/v1/requests/" + byManager + "/approve", null).andExpect(jsonPath("$.status").value("APPROVED"));
        String notAConfirmation = order("rita", "sod-manager", Map.of(), null);
        postAs("rita", "/api/v1/requests/" + notAConfirmation + "/confirm", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("waits for approval by mike")));
    }

    @Test
    void aPasswordResetForOneselfNeedsTheCurrentPasswordAgainWhichIsNeverStored() throws Exception {
        postAs("rita", "/api/v1/requests", Map.of("catalogItem", "sod-reset")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"))
                .andExpect(jsonPath("$.errors[0].message").value("is required to reset your own password"));
        postAs("rita", "/api/v1/requests", Map.of("catalogItem", "sod-reset", "currentPassword", "guess-1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("currentPassword"))
                .andExpect(jsonPath("$.errors[0].message").value("is not your current password"));

        String created = postAs("rita", "/api/v1/requests", Map.of("catalogItem", "sod-reset", "currentPassword", PASSWORD))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("APPROVED"))
                .andReturn().getResponse().getContentAsString();
        String number = json.readTree(created).get("number").asText();
        assertThat(created).doesNotContain(PASSWORD);
        assertThat(body(getAs("rita", "/api/v1/requests/" + number + "/journal")).toString()).doesNotContain(PASSWORD);
        assertThat(outbox.forTicket(number)).extracting(OutboxEvent::payload).noneMatch(p -> p.contains(PASSWORD));
    }

    private Map<String, Object> access(String group) {
        return Map.of("catalogItem", "sod-access", "values", Map.of("group", group));
    }

    private String order(String user, String item, Map<String, Object> values, String requestedFor) throws Exception {
        Map<String, Object> form = new HashMap<>(Map.of("catalogItem", item, "values", values));
        if (requestedFor != null) {
            form.put("requestedFor", requestedFor);
        }
        return body(postAs(user, "/api/v1/requests", form).andExpect(status().isCreated())).get("number").asText();
    }

    private List<String> messages(String number) throws Exception {
        return body(getAs("xena", "/api/v1/requests/" + number + "/journal")).findValuesAsText("message");
    }

    private List<String> plannedAddresses(String number) throws Exception {
        List<String> addresses = new ArrayList<>();
        for (OutboxEvent e : outbox.forTicket(number)) {
            if (e.type().equals("NotificationRequested")) {
                addresses.add(json.readTree(e.payload()).get("address").asText());
            }
        }
        return addresses;
    }

    private void person(String name, String manager, Role role, Set<String> groups) {
        people.save(new PersonForm(name, name.toUpperCase(), name + "@example.com", null, manager, PASSWORD, Set.of(role), groups));
    }
}
