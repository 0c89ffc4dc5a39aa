package io.itsmhub.connectors.ldap;

import static io.itsmhub.connectors.ldap.DirectoryServer.samplePassword;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.unboundid.util.Debug;
import io.itsmhub.connectors.LogCapture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No password reaches a log line: not the service account's, not a user's at login, not a reset one. */
class UnboundIdDirectoryClientLoggingTest {

    private static final String NEW_PASSWORD = "Fresh-Reset-Passw0rd";
    private static final String WRONG_PASSWORD = "Typo-alice-Secret";

    @Test
    void noPasswordIsInAnyLogLineEvenWithTheSdkDebugLogOn() {
        List<String> lines = new ArrayList<>();
        java.util.logging.Level sdkLevel = Debug.getLogger().getLevel();
        boolean sdkToConsole = Debug.getLogger().getUseParentHandlers();
        // Started before the SDK's debug log is on: loading the sample LDIF would log its passwords, server side.
        try (DirectoryServer directory = DirectoryServer.start(); LogCapture log = LogCapture.start()) {
            Debug.setEnabled(true);
            Debug.getLogger().setLevel(java.util.logging.Level.ALL);
            Debug.getLogger().setUseParentHandlers(false);
            log.alsoFrom(Debug.getLogger());
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
            lines.addAll(log.lines());
        } finally {
            Debug.getLogger().setLevel(sdkLevel);
            Debug.getLogger().setUseParentHandlers(sdkToConsole);
            Debug.setEnabled(false);
        }

        assertThat(lines).as("the SDK's debug log and ours were captured")
                .anyMatch(line -> line.contains("\"debug-type\":\"ldap\""))
                .anyMatch(line -> line.contains("Reset the LDAP password of 'bob'"));
        assertThat(lines).noneMatch(line -> line.contains(DirectoryServer.SERVICE_PASSWORD)
                || line.contains(samplePassword("alice")) || line.contains(samplePassword("carol"))
                || line.contains(WRONG_PASSWORD) || line.contains(NEW_PASSWORD));
    }
}
