package io.itsmhub.connectors.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The API token reaches no log line, whatever the level, through SLF4J or JDK logging (jclouds' default). */
class RestJenkinsClientLoggingTest {

    @Test
    void theTokenIsInNoLogLineEvenAtTheFinestLevel() {
        List<String> lines = new ArrayList<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level rootLevel = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
        java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
        java.util.logging.Level julLevel = julRoot.getLevel();
        Handler handler = new Handler() {
            @Override public void publish(LogRecord record) {
                lines.add(record.getLoggerName() + " " + record.getMessage() + " " + record.getThrown());
            }
            @Override public void flush() { }
            @Override public void close() { }
        };
        handler.setLevel(java.util.logging.Level.ALL);
        julRoot.addHandler(handler);
        julRoot.setLevel(java.util.logging.Level.ALL);
        try (JenkinsSimulator jenkins = new JenkinsSimulator().start();
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
        } finally {
            root.detachAppender(appender);
            root.setLevel(rootLevel);
            julRoot.removeHandler(handler);
            julRoot.setLevel(julLevel);
        }
        for (ILoggingEvent event : appender.list) {
            lines.add(event.getLoggerName() + " " + event.getFormattedMessage() + " "
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
        String basic = Base64.getEncoder().encodeToString(
                (JenkinsSimulator.USER + ":" + JenkinsSimulator.API_TOKEN).getBytes(StandardCharsets.UTF_8));

        assertThat(lines).as("jclouds' request log reaches SLF4J at DEBUG")
                .anyMatch(line -> line.startsWith("io.itsmhub.connectors.jenkins.jclouds") && line.contains("Sending request"));
        assertThat(lines).noneMatch(line -> line.contains(JenkinsSimulator.API_TOKEN) || line.contains(basic));
    }
}
