package io.itsmhub.hub.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsmhub.connectors.oa.OaSignature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every webhook checks its sender's credentials before it reads a byte of the body, and reads no more than
 * {@code hub.webhooks.max-body-size} (5 MB by default) of it. Driven over a raw socket against the hub on a real
 * port, streaming bodies generated on the fly, so that the test sees how much the hub let it send.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookLimitsTest {

    static final String ALERT_TOKEN = "alert-token-for-limits";
    static final String HR_TOKEN = "hr-token-for-limits";
    static final long HUGE = 300L * 1024 * 1024;
    // socket buffers on both ends plus the few megabytes a container drains before it drops a connection
    static final long READ_AT_MOST = 48L * 1024 * 1024;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:webhook-limits;DB_CLOSE_DELAY=-1");
        registry.add("hub.admin.password", () -> "admin-pw-for-tests");
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.alertmanager.webhook-token", () -> ALERT_TOKEN);
        registry.add("hub.hr.webhook-token", () -> HR_TOKEN);
        registry.add("hub.oa.url", () -> "http://127.0.0.1:9/approvals");
        registry.add("hub.oa.secret", () -> "oa-secret-for-limits");
    }

    @LocalServerPort int port;

    @Test
    void anUnauthenticated300MbBodyIsRefusedWith401BeforeTheHubReadsIt() throws Exception {
        Upload noToken = upload("/webhooks/alertmanager", Map.of(), HUGE, false);
        Upload wrongToken = upload("/webhooks/hr", Map.of("Authorization", "Bearer nope"), HUGE, false);
        Upload unsigned = upload("/webhooks/oa", Map.of(), HUGE, true);
        long now = System.currentTimeMillis() / 1000;
        Upload stale = upload("/webhooks/oa", Map.of(OaSignature.TIMESTAMP_HEADER, Long.toString(now - 3600),
                OaSignature.SIGNATURE_HEADER, "sha256=" + "0".repeat(64)), HUGE, false);

        for (Upload refused : List.of(noToken, wrongToken, unsigned, stale)) {
            assertThat(refused.status()).as("%s", refused).isEqualTo(401);
            assertThat(refused.head()).as("%s", refused).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(refused.sent()).as("bytes the hub let the sender write").isLessThan(READ_AT_MOST);
            assertThat(refused.took()).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void anAuthenticatedBodyOverTheLimitIs413AndReadNoFurtherThanTheLimit() throws Exception {
        Map<String, String> token = Map.of("Authorization", "Bearer " + ALERT_TOKEN);
        Upload declared = upload("/webhooks/alertmanager", token, HUGE, false);
        Upload chunked = upload("/webhooks/alertmanager", token, HUGE, true);
        Upload hr = upload("/webhooks/hr", Map.of("Authorization", "Bearer " + HR_TOKEN), 6L * 1024 * 1024, true);

        for (Upload tooLarge : List.of(declared, chunked, hr)) {
            assertThat(tooLarge.status()).as("%s", tooLarge).isEqualTo(413);
            assertThat(tooLarge.head()).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(tooLarge.body()).contains("\"status\":413", "hub.webhooks.max-body-size");
        }
        assertThat(declared.sent()).as("refused on its Content-Length").isLessThan(READ_AT_MOST);
        assertThat(chunked.sent()).as("read up to the limit, then refused").isLessThan(READ_AT_MOST);
    }

    @Test
    void aBodyWithinTheLimitStillReachesItsRoute() throws Exception {
        String notification = """
                {"version":"4","status":"firing","receiver":"hub","externalURL":"http://alertmanager:9093",
                 "alerts":[{"status":"firing","labels":{"alertname":"Limits","instance":"vm-limits:9100"},
                 "annotations":{"summary":"within the limit","padding":"%s"},"fingerprint":"fp-limits"}]}"""
                .formatted("x".repeat(1024 * 1024));
        Upload accepted = send("/webhooks/alertmanager", Map.of("Authorization", "Bearer " + ALERT_TOKEN),
                notification.getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.body()).contains("\"created\":1");
    }

    /** What the hub answered, and how much of the body it let the sender write before it stopped taking it. */
    record Upload(int status, String head, String body, long sent, Duration took) { }

    /** Streams {@code size} generated bytes (never held in memory) while reading the answer. */
    private Upload upload(String path, Map<String, String> headers, long size, boolean chunked) throws Exception {
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(path, headers, chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + size));
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'a');
                try {
                    while (sent.get() < size) {
                        int n = (int) Math.min(chunk.length, size - sent.get());
                        if (chunked) {
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(chunk, 0, n);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        sent.addAndGet(n);
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException connectionDroppedByTheHub) {
                    // what this test wants: the hub stopped taking the body
                }
            }, "upload-" + path);
            writer.start();
            Upload answer = answer(socket, sent, started);
            writer.join(60_000); // ends when the hub drops the connection (or, before the fix, when all was sent)
            return new Upload(answer.status(), answer.head(), answer.body(), sent.get(), answer.took());
        }
    }

    private Upload send(String path, Map<String, String> headers, byte[] body) throws Exception {
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(path, headers, "Content-Length: " + body.length));
            out.write(body);
            out.flush();
            return answer(socket, new AtomicLong(body.length), started);
        }
    }

    private static byte[] head(String path, Map<String, String> headers, String framing) {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nConnection: close\r\n" + framing + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static Upload answer(Socket socket, AtomicLong sent, long started) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String statusLine = in.readLine();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        List<String> head = new ArrayList<>();
        for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
            head.add(line);
        }
        StringBuilder body = new StringBuilder();
        try {
            char[] buffer = new char[4096];
            for (int n; body.length() < 100_000 && (n = in.read(buffer)) != -1; ) {
                body.append(buffer, 0, n);
            }
        } catch (IOException resetAfterTheAnswer) {
            // the hub may drop the connection right after answering: the answer is what counts
        }
        int status = statusLine == null ? -1 : Integer.parseInt(statusLine.split(" ")[1]);
        return new Upload(status, String.join("\n", head), body.toString(), sent.get(), took);
    }
}
