package io.itsmhub.hub.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.connectors.jenkins.JenkinsSimulator;
import io.itsmhub.connectors.jenkins.SimulatedJob;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.incident.IncidentFilter;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.core.people.PeopleService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The release loop end to end against the Jenkins simulator (no real Jenkins runs here): an authorised change whose
 * window is open starts its pipeline, the queue item and the build are followed to the result, and the result
 * settles the change, the CMDB and, on failure, an incident; Jenkins' own failures are retried, parked or shown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReleasePipelineRouteTest {

    static final JenkinsSimulator jenkins = new JenkinsSimulator().start();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:release-loop;DB_CLOSE_DELAY=-1");
        registry.add("hub.admin.password", () -> "admin-pw-for-tests");
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.jenkins.url", () -> jenkins.url().toString());
        registry.add("hub.jenkins.user", () -> JenkinsSimulator.USER);
        registry.add("hub.jenkins.api-token", () -> JenkinsSimulator.API_TOKEN);
        registry.add("hub.jenkins.timeout", () -> "2s");
        registry.add("hub.jenkins.poll-interval", () -> "100ms");
        registry.add("hub.jenkins.queue-timeout", () -> "1s");
        registry.add("hub.jenkins.retries", () -> "1");
        registry.add("hub.jenkins.retry-delay", () -> "50");
        registry.add("hub.outbox.poll-interval", () -> "50");
        registry.add("hub.outbox.first-retry", () -> "PT0.2S");
        registry.add("hub.outbox.max-attempts", () -> "3");
    }

    @AfterAll
    static void stopJenkins() {
        jenkins.close();
    }

    @Autowired TestRestTemplate http;
    @Autowired PeopleService people;
    @Autowired IncidentService incidents;
    @Autowired CmdbService cmdb;
    ReleaseTestClient hub;

    @BeforeEach
    void users() {
        ReleaseTestClient.users(people);
        hub = new ReleaseTestClient(http);
    }

    @Test
    void anAuthorisedReleaseInItsWindowBuildsOnceShowsProgressAndWritesTheVersionToTheCmdb() {
        SimulatedJob job = job("payments/deploy-prod").queueFor(Duration.ofMillis(300), "Waiting for next available executor")
                .estimatedDuration(Duration.ofMinutes(3)).holdRunning();
        String ci = hub.ci("payments-api-" + tag());
        String number = hub.scheduledNow(job.fullName(), ci, null);

        // the build number shows as soon as the queue item leaves the queue, the estimate from the first poll of the build
        await().atMost(Duration.ofSeconds(15)).until(() -> hub.run(number, 0).path("phase").asText().matches("building #1 for .* of about 3m 0s"));
        JsonNode change = hub.change(number);
        assertThat(change.get("status").asText()).isEqualTo("IMPLEMENTING");
        assertThat(change.get("runs").get(0).get("phase").asText()).contains("of about 3m 0s");
        assertThat(change.get("runs").get(0).get("buildUrl").asText()).isEqualTo(jenkins.url() + "job/payments/job/deploy-prod/1/");
        job.release();

        await().atMost(Duration.ofSeconds(15)).until(() -> hub.change(number).get("status").asText().equals("REVIEW"));
        assertThat(hub.change(number).get("outcome").asText()).isEqualTo("SUCCESSFUL");
        assertThat(job.triggers()).singleElement().satisfies(t -> assertThat(t.parameters())
                .containsEntry("ITSM_CHANGE", number).containsEntry("ITSM_VERSION", "2.5.0").containsEntry("REPLICAS", "3"));
        assertThat(cmdb.get(ci).attributes()).containsEntry("version", "2.5.0");
        assertThat(hub.journal(number))
                .anyMatch(m -> m.startsWith("jenkins build payments/deploy-prod: queued as item"))
                .anyMatch(m -> m.startsWith("Build #1 of payments/deploy-prod started"))
                .anyMatch(m -> m.startsWith("Deployment of payments/deploy-prod finished: SUCCESS (build #1)"))
                .anyMatch(m -> m.startsWith("CMDB: version 2.5.0 recorded on " + ci));
    }

    @Test
    void aFailedBuildRaisesAnIncidentWithTheBuildUrlAndTheRollbackPipelineRunsOnRequest() {
        SimulatedJob deploy = job("payments/deploy-fail-" + tag()).result("FAILURE");
        SimulatedJob rollback = job("payments/rollback-" + tag());
        String ci = hub.ci("payments-api-" + tag());
        String number = hub.scheduledNow(deploy.fullName(), ci, rollback.fullName());

        await().atMost(Duration.ofSeconds(15)).until(() -> "FAILED".equals(hub.change(number).path("outcome").asText()));
        List<IncidentView> raised = incidents.list(new IncidentFilter(null, null, null, null, null, null, null, null, number),
                Pageable.unpaged()).items();
        assertThat(raised).singleElement().satisfies(i -> {
            assertThat(i.priority().name()).isEqualTo("P2");
            assertThat(i.sourceRef()).isEqualTo(hub.run(number, 0).get("buildUrl").asText());
            assertThat(i.affectedCi()).isEqualTo(ci);
        });
        assertThat(cmdb.get(ci).attributes()).doesNotContainKey("version");

        hub.call("rob", HttpMethod.POST, "/api/v1/changes/" + number + "/rollback", null, 202);
        await().atMost(Duration.ofSeconds(15)).until(() -> "SUCCESS".equals(hub.run(number, 1).path("result").asText()));
        assertThat(rollback.triggers()).hasSize(1);
        assertThat(deploy.triggers()).hasSize(1);
    }

    @Test
    void outsideItsWindowADeployIsRefusedAndNobodyAuthorisesTheirOwnChange() {
        SimulatedJob job = job("payments/deploy-later-" + tag());
        String number = hub.authorised(job.fullName(), hub.ci("later-" + tag()), Instant.now().plus(1, ChronoUnit.HOURS), null);
        hub.call("rob", HttpMethod.POST, "/api/v1/changes/" + number + "/schedule", null, 200);
        JsonNode refused = hub.call("rob", HttpMethod.POST, "/api/v1/changes/" + number + "/deploy", null, 409);
        assertThat(refused.get("detail").asText()).contains("may be deployed from").contains("UTC");

        String own = hub.call("dave", HttpMethod.POST, "/api/v1/changes", java.util.Map.of("title", "mine", "type", "NORMAL",
                "pipeline", job.fullName()), 201).get("number").asText();
        hub.call("dave", HttpMethod.POST, "/api/v1/changes/" + own + "/assess", null, 200);
        hub.call("dave", HttpMethod.POST, "/api/v1/changes/" + own + "/authorise", null, 403);
        assertThat(job.triggers()).isEmpty();
    }

    @Test
    void anUnknownJobIsNotRetriedTheRunNamesItAndAReplayAfterTheFixBuilds() {
        String path = "payments/not-there-" + tag();
        String number = hub.scheduledNow(path, hub.ci("nojob-" + tag()), null);

        await().atMost(Duration.ofSeconds(15)).until(() -> "NOT_STARTED".equals(hub.run(number, 0).path("state").asText()));
        assertThat(hub.run(number, 0).get("phase").asText()).contains(path).contains("404");
        JsonNode parked = await().atMost(Duration.ofSeconds(10)).until(() -> deadLetter(number), d -> d != null);
        assertThat(parked.get("attempts").asInt()).isEqualTo(1);

        SimulatedJob job = job(path);
        hub.call("admin", HttpMethod.POST, "/api/v1/integrations/dead-letters/" + parked.get("id").asText() + "/replay", null, 200);
        await().atMost(Duration.ofSeconds(15)).until(() -> "SUCCESSFUL".equals(hub.change(number).path("outcome").asText()));
        assertThat(job.buildCount()).isEqualTo(1);
    }

    @Test
    void credentialsJenkinsRefusesAreNotRetriedAndTheRunSaysSo() {
        SimulatedJob job = job("payments/locked-" + tag());
        jenkins.user(JenkinsSimulator.USER, "a-revoked-token");
        try {
            String number = hub.scheduledNow(job.fullName(), hub.ci("locked-" + tag()), null);
            await().atMost(Duration.ofSeconds(15)).until(() -> "NOT_STARTED".equals(hub.run(number, 0).path("state").asText()));
            assertThat(hub.run(number, 0).get("phase").asText()).contains("401").contains(job.fullName())
                    .doesNotContain("a-revoked-token").doesNotContain(JenkinsSimulator.API_TOKEN);
            assertThat(deadLetter(number)).isNotNull();
        } finally {
            jenkins.user(JenkinsSimulator.USER, JenkinsSimulator.API_TOKEN);
        }
        assertThat(job.triggers()).isEmpty();
    }

    @Test
    void jenkinsAnswering503IsRetriedWithBackOffAndStillBuildsOnce() {
        SimulatedJob job = job("payments/flaky-" + tag()).failNextTriggers(3, 503);
        String number = hub.scheduledNow(job.fullName(), hub.ci("flaky-" + tag()), null);

        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCESSFUL".equals(hub.change(number).path("outcome").asText()));
        assertThat(job.triggers()).hasSize(4);
        assertThat(job.buildCount()).isEqualTo(1);
        assertThat(hub.journal(number)).filteredOn(m -> m.contains("failed:") && m.contains("503")).hasSize(3);
    }

    @Test
    void jenkinsThatKeepsFailingIsParkedForAnOperator() {
        SimulatedJob job = job("payments/down-" + tag());
        jenkins.unavailable(true);
        String number;
        JsonNode parked;
        try {
            number = hub.scheduledNow(job.fullName(), hub.ci("down-" + tag()), null);
            parked = await().atMost(Duration.ofSeconds(20)).until(() -> deadLetter(number), d -> d != null);
        } finally {
            jenkins.unavailable(false);
        }
        assertThat(parked.get("lastError").asText()).contains("503");
        assertThat(hub.run(number, 0).get("state").asText()).isEqualTo("REQUESTED");
        assertThat(hub.run(number, 0).get("phase").asText()).contains("503");
        assertThat(job.buildCount()).isZero();
    }

    @Test
    void aBuildStuckInTheQueueSaysWhyAndAnAbortCancelsTheQueueItemWithoutAnIncident() {
        SimulatedJob job = job("payments/busy-" + tag()).queueFor(Duration.ofHours(1), "Waiting for next available executor on linux")
                .holdInQueue();
        String number = hub.scheduledNow(job.fullName(), hub.ci("busy-" + tag()), null);

        await().atMost(Duration.ofSeconds(15)).until(() -> hub.run(number, 0).path("phase").asText()
                .equals("stuck in queue: Waiting for next available executor on linux"));
        assertThat(hub.journal(number)).anyMatch(m -> m.startsWith("Stuck in queue since"));

        hub.call("rob", HttpMethod.POST, "/api/v1/changes/" + number + "/abort", null, 202);
        await().atMost(Duration.ofSeconds(15)).until(() -> "CANCELLED".equals(hub.run(number, 0).path("result").asText()));
        assertThat(hub.change(number).get("outcome").asText()).isEqualTo("FAILED");
        assertThat(job.buildCount()).isZero();
        assertThat(incidents.list(new IncidentFilter(null, null, null, null, null, null, null, null, number),
                Pageable.unpaged()).items()).isEmpty();
    }

    @Test
    void anAbortWhileBuildingStopsTheBuild() {
        SimulatedJob job = job("payments/long-" + tag()).holdRunning();
        String number = hub.scheduledNow(job.fullName(), hub.ci("long-" + tag()), null);
        await().atMost(Duration.ofSeconds(15)).until(() -> "BUILDING".equals(hub.run(number, 0).path("state").asText()));

        hub.call("rob", HttpMethod.POST, "/api/v1/changes/" + number + "/abort", null, 202);
        await().atMost(Duration.ofSeconds(15)).until(() -> "ABORTED".equals(hub.run(number, 0).path("result").asText()));
        assertThat(hub.journal(number)).anyMatch(m -> m.equals("Stop sent to build #1"));
        assertThat(hub.change(number).get("outcome").asText()).isEqualTo("FAILED");
    }

    @Test
    void aTriggerWhoseAnswerIsLostIsFoundInJenkinsAndNotBuiltTwice() {
        SimulatedJob job = job("payments/slow-answer-" + tag()).answerNextTriggerAfter(Duration.ofSeconds(4));
        String number = hub.scheduledNow(job.fullName(), hub.ci("slow-" + tag()), null);

        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCESSFUL".equals(hub.change(number).path("outcome").asText()));
        assertThat(job.triggers()).hasSize(1);
        assertThat(job.buildCount()).isEqualTo(1);
        assertThat(hub.journal(number)).anyMatch(m -> m.startsWith("Found the " + job.fullName() + " build that an earlier attempt started"));
    }

    /** A job that declares the hub's parameters, as the README asks. */
    private static SimulatedJob job(String path) {
        return jenkins.job(path).parameters("ITSM_CHANGE", "ITSM_VERSION", "REPLICAS");
    }

    private JsonNode deadLetter(String number) {
        for (JsonNode event : hub.call("admin", HttpMethod.GET, "/api/v1/integrations/dead-letters", null, 200)) {
            if (number.equals(event.path("ticketNumber").asText()) && "ReleaseRequested".equals(event.path("type").asText())) {
                return event;
            }
        }
        return null;
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
