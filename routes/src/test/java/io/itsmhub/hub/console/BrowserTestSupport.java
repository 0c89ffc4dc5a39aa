package io.itsmhub.hub.console;

import io.itsmhub.connectors.alertmanager.AlertmanagerProcess;
import io.itsmhub.connectors.jenkins.JenkinsSimulator;
import io.itsmhub.connectors.kubernetes.KubeVirtSimulator;
import io.itsmhub.hub.fulfilment.FulfilmentPeers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One hub for all browser tests (the same configuration, so Spring starts it once) with its peers: a real
 * Alertmanager from Debian's package, the Jenkins simulator, the Kubernetes API simulator (fabric8's mock server
 * with KubeVirt) and the real ansible-playbook against a scratch root. Each test class gets its own browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@org.junit.jupiter.api.extension.ExtendWith(ScreenshotOnFailure.class)
public abstract class BrowserTestSupport {

    public static final String PASSWORD = "demo-password-for-tests";
    public static final String ADMIN_PASSWORD = "admin-pw-for-tests";
    public static final String WEBHOOK_TOKEN = "browser-test-token";
    public static final int PORT = freePort();
    public static final String BASE = "http://127.0.0.1:" + PORT;
    public static final AlertmanagerProcess alertmanager =
            AlertmanagerProcess.start(URI.create(BASE + "/webhooks/alertmanager"), WEBHOOK_TOKEN);
    public static final JenkinsSimulator jenkins = new JenkinsSimulator().start();
    public static final KubeVirtSimulator kubernetes = KubeVirtSimulator.start().readyAfter(Duration.ofMillis(300));
    static final Path targetRoot = scratch();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            alertmanager.close();
            jenkins.close();
            kubernetes.close();
        }));
    }

    protected static Browser browser;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1");
        registry.add("hub.admin.password", () -> ADMIN_PASSWORD);
        registry.add("hub.demo.enabled", () -> "true");
        registry.add("hub.demo.password", () -> PASSWORD);
        registry.add("hub.public-url", () -> BASE);
        registry.add("hub.outbox.poll-interval", () -> "50");
        registry.add("hub.alertmanager.webhook-token", () -> WEBHOOK_TOKEN);
        registry.add("hub.alertmanager.url", () -> alertmanager.url().toString());
        registry.add("hub.jenkins.url", () -> jenkins.url().toString());
        registry.add("hub.jenkins.user", () -> JenkinsSimulator.USER);
        registry.add("hub.jenkins.api-token", () -> JenkinsSimulator.API_TOKEN);
        registry.add("hub.jenkins.poll-interval", () -> "100ms");
        FulfilmentPeers.register(registry, kubernetes, targetRoot);
    }

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open(BASE, "en-US");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path scratch() {
        try {
            return Files.createTempDirectory("browser-target-root");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
