package io.itsmhub.core.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.catalog.CatalogItemForm;
import io.itsmhub.core.request.catalog.CatalogService;
import io.itsmhub.core.request.catalog.FormField;
import io.itsmhub.core.support.ApiTest;
import io.itsmhub.core.common.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.test.context.TestPropertySource;

/** Joiners get the access of their role; leavers are deactivated, revoked, and their tickets go back to the group. */
@TestPropertySource(properties = {"hub.hr.role-access.dba[0]=payments-db-readers", "hub.hr.role-access.dba[1]=pg-admins"})
class HrFeedApiTest extends ApiTest {

    @Autowired HrFeed feed;
    @Autowired CatalogService catalog;
    @Autowired RequestService requests;
    @Autowired IncidentService incidents;

    @BeforeEach
    void catalogItems() {
        if (catalog.active().stream().noneMatch(i -> i.code().equals("access-revoke"))) {
            FormField group = new FormField("group", "Group", FormField.Type.TEXT, true, null, BigDecimal.valueOf(100), null);
            FormField user = new FormField("user", "User", FormField.Type.TEXT, true, null, BigDecimal.valueOf(100), null);
            FormField why = new FormField("justification", "Why", FormField.Type.TEXT, true, null, BigDecimal.valueOf(2000), null);
            catalog.save(new CatalogItemForm("access-request", "Access", null, "Access", List.of(group, why), true, "service-desk", true));
            catalog.save(new CatalogItemForm("access-revoke", "Revoke", null, "Access", List.of(user, why), false, "service-desk", true));
        }
    }

    @Test
    void aJoinerBecomesAPersonWithTheAccessRequestsOfTheirRole() {
        HrFeed.Applied joined = feed.apply(new HrRecord(HrRecord.Event.JOINER, "nina", "Nina New", "nina@example.com",
                "+49 170 000", "mike", "dba", "platform", null));
        assertThat(joined.requests()).hasSize(2);
        assertThat(people.find("nina").orElseThrow().getManager()).isEqualTo("mike");
        assertThat(joined.requests().stream().map(n -> requests.get(n).values().get("group")))
                .containsExactlyInAnyOrder("payments-db-readers", "pg-admins");
        assertThat(requests.get(joined.requests().get(0)).requester()).isEqualTo("nina");
    }

    @Test
    void aLeaverIsDeactivatedRevokedAndTheirOpenIncidentsGoBackToTheGroup() throws Exception {
        feed.apply(new HrRecord(HrRecord.Event.JOINER, "leo", "Leo", "leo@example.com", null, "mike", null, "platform", null));
        people.save(new io.itsmhub.core.people.PersonForm("leo", "Leo", "leo@example.com", null, "mike", PASSWORD,
                java.util.Set.of(io.itsmhub.core.people.Role.AGENT), java.util.Set.of("platform")));
        String incident = body(postAs("alice", "/api/v1/incidents", Map.of("title", "Disk", "assignmentGroup", "platform",
                "assignee", "leo")).andExpect(status().isCreated())).get("number").asText();

        HrFeed.Applied left = feed.apply(new HrRecord(HrRecord.Event.LEAVER, "leo", null, null, null, null, null, null, null));
        assertThat(people.find("leo").orElseThrow().isActive()).isFalse();
        assertThat(requests.get(left.requests().get(0)).values()).containsEntry("user", "leo");
        assertThat(left.reassigned()).contains(incident);
        assertThat(incidents.get(incident).assignee()).isNull();
        assertThat(incidents.get(incident).assignmentGroup()).isEqualTo("platform");
        getAs("leo", "/api/v1/whoami").andExpect(status().isUnauthorized());
    }

    @Test
    void aBatchWithARecordThatCannotBeAppliedChangesNothingAndNamesTheRecord() {
        List<HrRecord> batch = List.of(joiner("bea", null), new HrRecord(HrRecord.Event.LEAVER, "nobody-here", null, null,
                null, null, null, null, null));

        assertThatThrownBy(() -> feed.applyAll(batch)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("[1].username"));
        assertThat(people.find("bea")).as("the joiner before the bad record is rolled back with it").isEmpty();
        assertThat(accessRequestsOf("bea")).isZero();
    }

    @Test
    void aBatchWithAnInvalidRecordIsRefusedBeforeAnyIsApplied() {
        List<HrRecord> batch = List.of(joiner("cleo", null), new HrRecord(HrRecord.Event.JOINER, "*)(x", null, null, null,
                null, null, null, null));

        assertThatThrownBy(() -> feed.applyAll(batch)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("[1].username"));
        assertThat(people.find("cleo")).isEmpty();
    }

    @Test
    void aRetriedBatchRaisesNoSecondAccessRequest() {
        List<HrRecord> batch = List.of(joiner("dora", null), joiner("emil", "hr-4711"));
        List<HrFeed.Applied> first = feed.applyAll(batch);
        List<HrFeed.Applied> retry = feed.applyAll(batch);

        assertThat(first).extracting(HrFeed.Applied::alreadyApplied).containsExactly(false, false);
        assertThat(retry).extracting(HrFeed.Applied::alreadyApplied).containsExactly(true, true);
        assertThat(retry.get(0).requests()).as("the retry is told what the first delivery raised")
                .containsExactlyElementsOf(first.get(0).requests());
        assertThat(accessRequestsOf("dora")).isEqualTo(2);
        assertThat(accessRequestsOf("emil")).isEqualTo(2);
    }

    @Test
    void aRecordIdIsAppliedOnceEverAnIdenticalRecordWithoutOneOnlyWithinTheDuplicateWindow() {
        feed.apply(joiner("finn", null));
        feed.apply(joiner("gus", "hr-0815"));
        clock.advance(Duration.ofDays(8));

        assertThat(feed.apply(joiner("finn", null)).alreadyApplied())
                .as("an identical record a week later is a new event (a rejoiner), not a retry").isFalse();
        assertThat(feed.apply(new HrRecord(HrRecord.Event.JOINER, "gus", "Gus Changed", null, null, "mike", "dba", null,
                "hr-0815")).alreadyApplied()).isTrue();
        assertThat(accessRequestsOf("finn")).isEqualTo(4);
        assertThat(accessRequestsOf("gus")).isEqualTo(2);
        assertThat(people.find("gus").orElseThrow().getDisplayName()).isEqualTo("Gus");
    }

    private static HrRecord joiner(String username, String recordId) {
        String name = Character.toUpperCase(username.charAt(0)) + username.substring(1);
        return new HrRecord(HrRecord.Event.JOINER, username, name, username + "@example.com", null, "mike", "dba", null, recordId);
    }

    private long accessRequestsOf(String username) {
        return requests.list(null, username, "access-request", null, Pageable.unpaged()).items().size();
    }
}
