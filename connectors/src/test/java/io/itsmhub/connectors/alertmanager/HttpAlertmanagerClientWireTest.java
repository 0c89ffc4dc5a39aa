package io.itsmhub.connectors.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import io.itsmhub.connectors.ConnectorException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What goes over the wire and how failures are classified, against a scripted JDK HTTP server and dead ports:
 * the cases a real Alertmanager will not produce on demand. Needs no Alertmanager, so it runs everywhere.
 */
class HttpAlertmanagerClientWireTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private HttpServer server;
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<URI> requestUri = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String body = "[]";

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            requestUri.set(exchange.getRequestURI());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @ParameterizedTest(name = "user={0} token={2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "ops,  s3cret, null,  Basic b3BzOnMzY3JldA==",
            "ops,  s3cret, tok42, Basic b3BzOnMzY3JldA==", // basic wins when both are set
            "null, null,   tok42, Bearer tok42",
            "null, null,   null,  null"})
    void sendsTheConfiguredAuthorization(String username, String password, String token, String expected) {
        client(username, password, token, "").alerts(Map.of());

        assertThat(authorization.get()).isEqualTo(expected);
    }

    @Test
    void keepsAPathPrefixAndEncodesOneFilterPerMatcher() {
        client(null, null, null, "/am/").alerts(Map.of("alertname", "Disk \"full\""));

        assertThat(requestUri.get().getPath()).isEqualTo("/am/api/v2/alerts");
        assertThat(requestUri.get().getQuery()).isEqualTo("filter=alertname=\"Disk \\\"full\\\"\"");
    }

    @ParameterizedTest(name = "HTTP {0} retryable: {1}")
    @CsvSource({"400, false", "401, false", "403, false", "404, false", "408, true", "429, true", "500, true",
            "502, true", "503, true"})
    void classifiesHttpFailures(int status, boolean retryable) {
        this.status = status;
        this.body = "\"boom " + status + "\"";

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> client(null, null, null, "").alerts(Map.of()));

        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).contains("HTTP " + status).contains("boom " + status);
    }

    @Test
    void truncatesLongErrorTexts() {
        status = 400;
        body = "x".repeat(5000);

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> client(null, null, null, "").alerts(Map.of()));

        assertThat(e.getMessage()).contains("x".repeat(500)).doesNotContain("x".repeat(501));
    }

    @Test
    void aSuccessThatIsNotJsonIsPermanent() {
        body = "<html>login</html>";

        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> client(null, null, null, "").alerts(Map.of()));

        assertThat(e.retryable()).isFalse();
    }

    /** refused: nothing listens. silent: the kernel accepts the connection, nobody ever answers. */
    @ParameterizedTest(name = "{0} peer")
    @ValueSource(strings = {"refused", "silent"})
    void anUnreachableAlertmanagerIsRetryableWithinTheTimeout(String peer) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = socket.getLocalPort();
            if (peer.equals("refused")) {
                socket.close();
            }
            AlertmanagerClient client = new HttpAlertmanagerClient(
                    new AlertmanagerSettings(URI.create("http://127.0.0.1:" + port), null, null, null, TIMEOUT));

            long start = System.nanoTime();
            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> client.expireSilence(
                    "c6d85754-0f65-4e0b-9a3d-bd14e7ae074f"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(e.retryable()).isTrue();
            assertThat(e.system()).isEqualTo("alertmanager");
            assertThat(took).isLessThan(TIMEOUT.multipliedBy(4));
        }
    }

    private HttpAlertmanagerClient client(String username, String password, String token, String path) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return new HttpAlertmanagerClient(new AlertmanagerSettings(url, username, password, token, TIMEOUT));
    }
}
