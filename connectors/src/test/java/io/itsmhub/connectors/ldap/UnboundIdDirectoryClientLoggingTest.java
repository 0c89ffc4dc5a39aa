package io.itsmhub.connectors.ldap;

import static io.itsmhub.connectors.ldap.DirectoryServer.samplePassword;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.unboundid.util.Debug;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** No password reaches a log line: not the service account's, not a user's at login, not a reset one. */
class UnboundIdDirectoryClientLoggingTest {

    private static final String NEW_PASSWORD = "Fresh-Reset-Passw0rd";
    private static final String WRONG_PASSWORD = "Typo-alice-Secret";

    @Test
    void noPasswordIsInAnyLogLineEvenWithTheSdkDebugLogOn() {
        List<String> lines = new ArrayList<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level rootLevel = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Handler sdkDebug = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage() + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level sdkLevel = Debug.getLogger().getLevel();
        boolean sdkToConsole = Debug.getLogger().getUseParentHandlers();
        // Started before the SDK's debug log is on: loading the sample LDIF would log its passwords, server side.
        try (DirectoryServer directory = DirectoryServer.start()) {
            root.addAppender(appender);
            root.setLevel(Level.TRACE);
            Debug.setEnabled(true);
            Debug.getLogger().setLevel(java.util.logging.Level.ALL);
            Debug.getLogger().addHandler(sdkDebug);
            Debug.getLogger().setUseParentHandlers(false);
            try (UnboundIdDirectoryClient client = new UnboundIdDirectoryClient(directory.settings())) {
                client.authenticate("alice", samplePassword("alice"));
                client.authenticate("alice", WRONG_PASSWORD);
                client.setPassword("bob", NEW_PASSWORD);
                client.authenticate("bob", NEW_PASSWORD);
                client.disable("carol");
                client.authenticate("carol", samplePassword("carol"));
            }
            try (UnboundIdDirectoryClient refused = new UnboundIdDirectoryClient(
                    directory.settings().withBind(DirectoryServer.SERVICE_DN, WRONG_PASSWORD))) {
                lines.add(String.valueOf(catchThrowable(() -> refused.setPassword("bob", NEW_PASSWORD))));
            }
        } finally {
            Debug.getLogger().removeHandler(sdkDebug);
            Debug.getLogger().setLevel(sdkLevel);
            Debug.getLogger().setUseParentHandlers(sdkToConsole);
            Debug.setEnabled(false);
            root.detachAppender(appender);
            root.setLevel(rootLevel);
        }
        for (ILoggingEvent event : appender.list) {
            lines.add(event.getLoggerName() + " " + event.getFormattedMessage() + " "
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }

        assertThat(lines).as("the SDK's debug log and ours were captured")
                .anyMatch(line -> line.contains("\"debug-type\":\"ldap\""))
                .anyMatch(line -> line.contains("Reset the LDAP password of 'bob'"));
        assertThat(lines).noneMatch(line -> line.contains(DirectoryServer.SERVICE_PASSWORD)
                || line.contains(samplePassword("alice")) || line.contains(samplePassword("carol"))
                || line.contains(WRONG_PASSWORD) || line.contains(NEW_PASSWORD));
    }
}
