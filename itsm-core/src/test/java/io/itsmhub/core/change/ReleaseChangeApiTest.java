package io.itsmhub.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.alert.AlertNotification;
import io.itsmhub.core.alert.AlertService;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.core.outbox.OutboxConsumer;
import io.itsmhub.core.outbox.OutboxEvent;
import io.itsmhub.core.support.ApiTest;
import io.itsmhub.core.common.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Release changes in the record: approval rules, freezes, the window, and what a pipeline run's result does. */
class ReleaseChangeApiTest extends ApiTest {

    @Autowired ReleaseService releases;
    @Autowired IncidentService incidents;
    @Autowired CmdbService cmdb;
    @Autowired AlertService alerts;
    @Autowired OutboxConsumer outbox;

    @Test
    void aStandardChangeFromATemplateIsAuthorisedOnCreationAndTakesItsPipelineFromIt() throws Exception {
        String ci = ci("APPLICATION");
        String name = "tpl-" + tag();
        postAs("rob", "/api/v1/change-templates", Map.of("name", name, "title", "x")).andExpect(status().isForbidden());
        postAs("dave", "/api/v1/change-templates", Map.of("name", name, "title", "Deploy payments-api",
                "pipeline", "payments/deploy-prod", "parameters", Map.of("REPLICAS", 3), "targetCis", List.of(ci)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.createdBy").value("dave"));
        // issue 12: the template's approval by a second change manager is what authorises its changes
        postAs("carol", "/api/v1/change-templates/" + name + "/approve", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.approvedBy").value("carol"));

        JsonNode change = body(postAs("rob", "/api/v1/changes", Map.of("title", "payments-api 2.5.0", "template", name,
                "releaseVersion", "2.5.0")).andExpect(status().isCreated()));
        assertThat(change.get("type").asText()).isEqualTo("STANDARD");
        assertThat(change.get("status").asText()).isEqualTo("AUTHORISED");
        assertThat(change.get("authorisedBy").asText()).isEqualTo("carol");
        assertThat(change.get("pipeline").asText()).isEqualTo("payments/deploy-prod");
        assertThat(change.get("targetCis").get(0).asText()).isEqualTo(ci);

        postAs("rob", "/api/v1/changes", Map.of("title", "y", "template", name, "pipeline", "other/job"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("pipeline"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(name)));
        postAs("rob", "/api/v1/changes", Map.of("title", "y", "type", "STANDARD"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("template"));
    }

    @Test
    void anEmergencyIsAuthorisedInOneStepAndFlaggedForReviewANormalChangeIsNot() throws Exception {
        String emergency = create("rob", Map.of("title", "Hotfix TLS", "type", "EMERGENCY"));
        postAs("rob", "/api/v1/changes/" + emergency + "/authorise", null).andExpect(status().isForbidden());
        postAs("carol", "/api/v1/changes/" + emergency + "/authorise", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AUTHORISED")).andExpect(jsonPath("$.expedited").value(true));

        String normal = create("rob", Map.of("title", "Routine", "type", "NORMAL"));
        getAs("rob", "/api/v1/changes/" + normal).andExpect(jsonPath("$.allowedActions").value(org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem("authorise"))));
        postAs("carol", "/api/v1/changes/" + normal + "/authorise", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("NEW"));

        String own = create("dave", Map.of("title", "Own emergency", "type", "EMERGENCY"));
        postAs("dave", "/api/v1/changes/" + own + "/authorise", null).andExpect(status().isForbidden());
    }

    @Test
    void aFreezeRefusesSchedulingExceptForEmergencies() throws Exception {
        Instant inFreeze = Instant.parse("2031-12-24T10:00:00Z");
        Map<String, Object> window = Map.of("plannedStart", inFreeze.toString(), "plannedEnd", inFreeze.plusSeconds(3600).toString());
        String normal = authorisedNormal(Map.of("title", "Year-end tweak", "type", "NORMAL"));
        postAs("rob", "/api/v1/changes/" + normal + "/schedule", window).andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Change freeze"))
                .andExpect(jsonPath("$.detail").value(containsString("year-end-2031")));
        getAs("rob", "/api/v1/changes/" + normal).andExpect(jsonPath("$.status").value("AUTHORISED"));

        String emergency = create("rob", Map.of("title", "Year-end hotfix", "type", "EMERGENCY"));
        postAs("carol", "/api/v1/changes/" + emergency + "/authorise", null).andExpect(status().isOk());
        postAs("rob", "/api/v1/changes/" + emergency + "/schedule", window).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SCHEDULED"));
    }

    @Test
    void parametersAreStringsNumbersOrBooleans() throws Exception {
        postAs("rob", "/api/v1/changes", Map.of("title", "x", "type", "NORMAL", "pipeline", "a/b",
                "parameters", Map.of("NESTED", Map.of("a", 1)))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parameters.NESTED"));
        postAs("rob", "/api/v1/changes", Map.of("title", "x", "type", "NORMAL", "pipeline", "a/b",
                "parameters", Map.of("ITSM_CHANGE", "CHG-1"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("is set by the hub itself"));
    }

    @Test
    void deployIsRefusedOutsideTheWindowAndStartsOneRunInsideIt() throws Exception {
        String ci = ci("APPLICATION");
        Instant start = clock.instant().plus(1, ChronoUnit.HOURS);
        String number = scheduledRelease(ci, start, null);
        postAs("rob", "/api/v1/changes/" + number + "/deploy", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Outside the window"))
                .andExpect(jsonPath("$.detail").value(containsString("may be deployed from")));
        postAs("alice", "/api/v1/changes/" + number + "/deploy", null).andExpect(status().isForbidden());

        clock.advance(Duration.ofMinutes(61));
        postAs("rob", "/api/v1/changes/" + number + "/deploy", null).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("REQUESTED"))
                .andExpect(jsonPath("$.parameters.ITSM_CHANGE").value(number))
                .andExpect(jsonPath("$.parameters.REPLICAS").value("3"));
        getAs("rob", "/api/v1/changes/" + number).andExpect(jsonPath("$.status").value("IMPLEMENTING"))
                .andExpect(jsonPath("$.runs[0].phase").value("handing to Jenkins"));
        postAs("rob", "/api/v1/changes/" + number + "/deploy", null).andExpect(status().isConflict());
        assertThat(outbox.forTicket(number)).extracting(OutboxEvent::type).containsOnlyOnce("ReleaseRequested");
    }

    @Test
    void aSuccessfulBuildMovesTheChangeToReviewAndWritesTheVersionOnEachTargetCi() throws Exception {
        String app = ci("APPLICATION");
        String number = deploying(app, null);
        long run = followThrough(number, "SUCCESS");

        getAs("rob", "/api/v1/changes/" + number).andExpect(jsonPath("$.status").value("REVIEW"))
                .andExpect(jsonPath("$.outcome").value("SUCCESSFUL"))
                .andExpect(jsonPath("$.runs[0].phase").value(containsString("finished: SUCCESS (#7)")));
        assertThat(cmdb.get(app).attributes()).containsEntry("version", "2.5.0");
        assertThat(texts(getAs("alice", "/api/v1/cis/" + app + "/journal")))
                .anyMatch(t -> t.contains("deployed by " + number));
        assertThat(texts(getAs("rob", "/api/v1/changes/" + number + "/journal")))
                .anyMatch(t -> t.startsWith("Build #7 of payments/deploy-prod started"))
                .anyMatch(t -> t.startsWith("CMDB: version 2.5.0 recorded on " + app));
        releases.finished(run, "FAILURE", Duration.ZERO); // a late, repeated answer changes nothing
        getAs("rob", "/api/v1/changes/" + number).andExpect(jsonPath("$.outcome").value("SUCCESSFUL"));
    }

    @Test
    void aFailedBuildRaisesALinkedP2IncidentAndOffersTheRollbackOnce() throws Exception {
        String app = ci("APPLICATION");
        String number = deploying(app, "payments/rollback-prod");
        followThrough(number, "FAILURE");

        getAs("rob", "/api/v1/changes/" + number).andExpect(jsonPath("$.outcome").value("FAILED"));
        List<IncidentView> raised = incidents.list(new io.itsmhub.core.incident.IncidentFilter(null, null, null, null,
                null, null, null, null, number), org.springframework.data.domain.Pageable.unpaged()).items();
        assertThat(raised).singleElement().satisfies(i -> {
            assertThat(i.priority()).isEqualTo(Priority.P2);
            assertThat(i.sourceRef()).isEqualTo("http://jenkins/job/payments/job/deploy-prod/7/");
            assertThat(i.affectedCi()).isEqualTo(app);
        });
        assertThat(cmdb.get(app).attributes()).doesNotContainKey("version");

        postAs("rob", "/api/v1/changes/" + number + "/rollback", null).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.kind").value("ROLLBACK")).andExpect(jsonPath("$.pipeline").value("payments/rollback-prod"));
        postAs("rob", "/api/v1/changes/" + number + "/rollback", null).andExpect(status().isConflict());
    }

    @Test
    void anAbortBeforeJenkinsHasTheRunEndsItWithoutAnIncident() throws Exception {
        String number = deploying(ci("APPLICATION"), null);
        postAs("rob", "/api/v1/changes/" + number + "/abort", null).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("FINISHED")).andExpect(jsonPath("$.result").value("ABORTED"));
        getAs("rob", "/api/v1/changes/" + number).andExpect(jsonPath("$.outcome").value("FAILED"));
        assertThat(incidents.list(new io.itsmhub.core.incident.IncidentFilter(null, null, null, null, null, null, null,
                null, number), org.springframework.data.domain.Pageable.unpaged()).items()).isEmpty();
        long runId = body(getAs("rob", "/api/v1/changes/" + number + "/runs")).get(0).get("id").asLong();
        assertThat(releases.beginTrigger(runId)).as("an aborted run is not handed to Jenkins").isEmpty();
    }

    @Test
    void anAlertOnACiThatNeedsAFreshlyDeployedCiIsLinkedToTheChange() throws Exception {
        String app = ci("APPLICATION");
        String service = ci("SERVICE");
        postAs("alice", "/api/v1/cis/" + service + "/relations", Map.of("type", "DEPENDS_ON", "target", app))
                .andExpect(status().isCreated());
        String number = deploying(app, null);
        followThrough(number, "SUCCESS");
        clock.advance(Duration.ofMinutes(10));

        alerts.receive(alert(cmdb.get(service).name()));
        IncidentView incident = incidents.list(new io.itsmhub.core.incident.IncidentFilter(null, null, null, null,
                "alertmanager", null, service, null, null), org.springframework.data.domain.Pageable.unpaged()).items().get(0);
        assertThat(incident.relatedChange()).isEqualTo(number);
        assertThat(texts(getAs("rob", "/api/v1/changes/" + number + "/journal")))
                .anyMatch(t -> t.startsWith("Caused by this change? Monitoring raised " + incident.number()));
        assertThat(outbox.forTicket(number)).extracting(OutboxEvent::type).contains("ChangeSuspected");

        clock.advance(Duration.ofMinutes(31)); // past the watch window: no more links
        String other = ci("SERVICE");
        postAs("alice", "/api/v1/cis/" + other + "/relations", Map.of("type", "DEPENDS_ON", "target", app));
        alerts.receive(alert(cmdb.get(other).name()));
        assertThat(incidents.list(new io.itsmhub.core.incident.IncidentFilter(null, null, null, null, "alertmanager",
                null, other, null, null), org.springframework.data.domain.Pageable.unpaged()).items().get(0).relatedChange()).isNull();
    }

    /** Plays Jenkins' answers into the service the way the release route does. */
    private long followThrough(String number, String result) throws Exception {
        long run = body(getAs("rob", "/api/v1/changes/" + number + "/runs")).get(0).get("id").asLong();
        assertThat(releases.beginTrigger(run)).hasValueSatisfying(o -> assertThat(o.triedBefore()).isFalse());
        releases.queued(run, 41, "http://jenkins/queue/item/41/", 12);
        assertThat(releases.beginTrigger(run)).as("Jenkins has it: no second trigger").isEmpty();
        releases.waiting(run, "Waiting for next available executor", false);
        releases.started(run, 7, "http://jenkins/job/payments/job/deploy-prod/7/");
        releases.building(run, clock.instant(), Duration.ofMinutes(3));
        getAs("rob", "/api/v1/changes/" + number).andExpect(jsonPath("$.runs[0].phase").value(containsString("of about 3m 0s")));
        clock.advance(Duration.ofMinutes(2));
        releases.finished(run, result, Duration.ofMinutes(2));
        return run;
    }

    @Test
    void theReleaseCalendarSortsReleasesByWhereTheirWindowStandsNow() throws Exception {
        Instant now = clock.instant();
        String open = create("rob", release("calendar open", now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS)));
        String upcoming = create("rob", release("calendar upcoming", now.plus(1, ChronoUnit.DAYS), now.plus(26, ChronoUnit.HOURS)));
        String past = create("rob", release("calendar past", now.minus(2, ChronoUnit.DAYS), now.minus(47, ChronoUnit.HOURS)));
        String unplanned = create("rob", Map.of("title", "calendar unplanned", "type", "NORMAL", "pipeline", "cal/deploy"));
        String noPipeline = create("rob", Map.of("title", "calendar by hand", "type", "NORMAL",
                "plannedStart", now.minus(1, ChronoUnit.HOURS).toString(), "plannedEnd", now.plus(1, ChronoUnit.HOURS).toString()));
        List<String> ours = List.of(open, upcoming, past, unplanned, noPipeline);

        assertThat(calendar("open")).filteredOn(ours::contains).containsExactly(open);
        assertThat(calendar("upcoming")).filteredOn(ours::contains).containsExactly(upcoming);
        assertThat(calendar("past")).filteredOn(ours::contains).containsExactly(past);
        assertThat(calendar("unplanned")).filteredOn(ours::contains).containsExactly(unplanned);
        getAs("rob", "/api/v1/releases?window=someday").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("window"));
        getAs("rita", "/api/v1/releases").andExpect(status().isForbidden());
    }

    private Map<String, Object> release(String title, Instant start, Instant end) {
        return Map.of("title", title, "type", "NORMAL", "pipeline", "cal/deploy", "plannedStart", start.toString(),
                "plannedEnd", end.toString());
    }

    private List<String> calendar(String window) throws Exception {
        return body(getAs("rob", "/api/v1/releases?size=500&window=" + window).andExpect(status().isOk()))
                .get("items").findValuesAsText("number");
    }

    private String deploying(String ci, String rollback) throws Exception {
        Instant start = clock.instant().minus(1, ChronoUnit.MINUTES);
        String number = scheduledRelease(ci, start, rollback);
        postAs("rob", "/api/v1/changes/" + number + "/deploy", null).andExpect(status().isAccepted());
        return number;
    }

    private String scheduledRelease(String ci, Instant start, String rollback) throws Exception {
        Map<String, Object> form = new HashMap<>(Map.of("title", "payments-api 2.5.0", "type", "NORMAL",
                "pipeline", "payments/deploy-prod", "parameters", Map.of("REPLICAS", 3), "releaseVersion", "2.5.0",
                "targetCis", List.of(ci), "plannedStart", start.toString(),
                "plannedEnd", start.plus(2, ChronoUnit.HOURS).toString()));
        if (rollback != null) {
            form.put("rollbackPipeline", rollback);
        }
        String number = authorisedNormal(form);
        postAs("rob", "/api/v1/changes/" + number + "/schedule", null).andExpect(status().isOk());
        return number;
    }

    private String authorisedNormal(Map<String, Object> form) throws Exception {
        String number = create("rob", form);
        postAs("rob", "/api/v1/changes/" + number + "/assess", null).andExpect(status().isOk());
        postAs("carol", "/api/v1/changes/" + number + "/authorise", null).andExpect(status().isOk());
        return number;
    }

    private String create(String user, Map<String, Object> form) throws Exception {
        return body(postAs(user, "/api/v1/changes", form).andExpect(status().isCreated())).get("number").asText();
    }

    private String ci(String ciClass) throws Exception {
        return body(postAs("alice", "/api/v1/cis", Map.of("name", ciClass.toLowerCase() + "-" + tag(), "ciClass", ciClass))
                .andExpect(status().isCreated())).get("number").asText();
    }

    private List<String> texts(org.springframework.test.web.servlet.ResultActions journal) throws Exception {
        return body(journal).findValuesAsText("message");
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static AlertNotification alert(String host) {
        AlertNotification.Alert alert = new AlertNotification.Alert("firing", Map.of("alertname", "HighLatency",
                "severity", "warning", "instance", host + ":9100"), Map.of("summary", "p99 latency high"),
                Instant.parse("2026-01-01T00:00:00Z"), null, null, "fp-" + host);
        return new AlertNotification("4", "{}:{alertname=\"HighLatency\"}", 0, "firing", "hub", Map.of(), Map.of(),
                Map.of(), null, List.of(alert));
    }
}
