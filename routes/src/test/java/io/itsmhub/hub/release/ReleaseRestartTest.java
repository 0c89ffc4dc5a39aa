package io.itsmhub.hub.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.itsmhub.connectors.jenkins.JenkinsSimulator;
import io.itsmhub.connectors.jenkins.SimulatedJob;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.hub.HubApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One approval, at most one build: a hub stopped while its build runs in Jenkins (simulated) starts again on the
 * same database, follows that build to its result and does not trigger a second one.
 */
class ReleaseRestartTest {

    static final JenkinsSimulator jenkins = new JenkinsSimulator().start();

    @AfterAll
    static void stopJenkins() {
        jenkins.close();
    }

    @Test
    void aHubRestartedMidBuildFollowsTheSameBuildAndNeverTriggersASecond() throws Exception {
        Path data = Files.createTempDirectory("itsm-restart-");
        SimulatedJob job = jenkins.job("payments/deploy-prod").parameters("ITSM_CHANGE", "ITSM_VERSION", "REPLICAS").holdRunning();
        String number;
        String ci;
        try (ConfigurableApplicationContext first = start(data)) {
            ReleaseTestClient hub = client(first);
            ReleaseTestClient.users(first.getBean(PeopleService.class));
            ci = hub.ci("payments-api");
            number = hub.scheduledNow(job.fullName(), ci, null);
            await().atMost(Duration.ofSeconds(20)).until(() -> "BUILDING".equals(hub.run(number, 0).path("state").asText()));
        }
        assertThat(job.triggers()).hasSize(1);
        job.release(); // the build finishes while no hub is running

        try (ConfigurableApplicationContext second = start(data)) {
            ReleaseTestClient hub = client(second);
            await().atMost(Duration.ofSeconds(20)).until(() -> "REVIEW".equals(hub.change(number).path("status").asText()));
            assertThat(hub.change(number).get("outcome").asText()).isEqualTo("SUCCESSFUL");
            assertThat(hub.call("alice", org.springframework.http.HttpMethod.GET, "/api/v1/cis/" + ci, null, 200)
                    .get("attributes").get("version").asText()).isEqualTo("2.5.0");
        }
        assertThat(job.triggers()).as("no second trigger after the restart").hasSize(1);
        assertThat(job.buildCount()).isEqualTo(1);
    }

    private static ConfigurableApplicationContext start(Path data) {
        // as command-line arguments: they win over application.yml, as the operator's would
        return new SpringApplicationBuilder(HubApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("hub") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--hub.admin.password=admin-pw-for-tests",
                "--hub.demo.enabled=false",
                "--hub.jenkins.url=" + jenkins.url(),
                "--hub.jenkins.user=" + JenkinsSimulator.USER,
                "--hub.jenkins.api-token=" + JenkinsSimulator.API_TOKEN,
                "--hub.jenkins.poll-interval=100ms",
                "--hub.outbox.poll-interval=50");
    }

    private static ReleaseTestClient client(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new ReleaseTestClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    }
}
