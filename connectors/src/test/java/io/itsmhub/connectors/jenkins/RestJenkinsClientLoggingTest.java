package io.itsmhub.connectors.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.itsmhub.connectors.LogCapture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API token reaches no log line, whatever the level, through SLF4J or JDK logging (jclouds' default). */
class RestJenkinsClientLoggingTest {

    @Test
    void theTokenIsInNoLogLineEvenAtTheFinestLevel() {
        List<String> lines;
        try (LogCapture log = LogCapture.start();
                JenkinsSimulator jenkins = new JenkinsSimulator().start();
                RestJenkinsClient client = new RestJenkinsClient(jenkins.settings())) {
            jenkins.job("deploy").parameters("VERSION").failNextTriggers(1, 503).runFor(Duration.ZERO);
            catchThrowable(() -> client.trigger("deploy", Map.of("VERSION", "1")));
            QueuedBuild queued = client.trigger("deploy", Map.of("VERSION", "1"));
            client.queueItem(queued.queueId());
            catchThrowable(() -> client.build("deploy", 99));
            jenkins.invalidateCrumbs();
            client.trigger("deploy", Map.of("VERSION", "2"));
            jenkins.user(JenkinsSimulator.USER, "revoked");
            catchThrowable(() -> client.trigger("deploy", Map.of("VERSION", "3")));
            lines = log.lines();
        }
        String basic = Base64.getEncoder().encodeToString(
                (JenkinsSimulator.USER + ":" + JenkinsSimulator.API_TOKEN).getBytes(StandardCharsets.UTF_8));

        assertThat(lines).as("jclouds' request log reaches SLF4J at DEBUG")
                .anyMatch(line -> line.startsWith("io.itsmhub.connectors.jenkins.jclouds") && line.contains("Sending request"));
        assertThat(lines).noneMatch(line -> line.contains(JenkinsSimulator.API_TOKEN) || line.contains(basic));
    }
}
