package io.itsmhub.hub.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Slack incoming webhook as far as the hubs can tell: it takes the JSON POST, answers 200 {@code ok} as Slack
 * does, and records every body, so that the test can count what people would have read in the channel.
 */
final class ChatRecorder implements AutoCloseable {

    /** One message as Slack would show it: {@code title} is the notification's subject. */
    record Message(String body, String title, String ticket, String event) { }

    private static final Pattern TICKET = Pattern.compile("^\\[([A-Z]+-\\d+)]");
    private static final String PATH = "/services/T0SCALEOUT/B0SCALEOUT/recorder";

    private final ObjectMapper json = new ObjectMapper();
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Map<String, Pattern> subjects = subjectPatterns();
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    private ChatRecorder(HttpServer server) {
        this.server = server;
    }

    static ChatRecorder start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            ChatRecorder recorder = new ChatRecorder(server);
            server.createContext(PATH, recorder::record);
            server.setExecutor(recorder.workers);
            server.start();
            return recorder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the chat recorder", e);
        }
    }

    /** What to set as {@code hub.chat.slack.webhook-url}. */
    URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    List<Message> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void record(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            messages.add(parse(body));
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
        }
    }

    private Message parse(String body) {
        String title;
        try {
            JsonNode tree = json.readTree(body);
            // Slack's plain-text message: the header block carries the subject as written; "text" is its escaped copy
            JsonNode header = tree.path("blocks").path(0);
            title = "header".equals(header.path("type").asText()) ? header.path("text").path("text").asText()
                    : tree.path("text").asText();
        } catch (IOException notJson) {
            title = "";
        }
        Matcher ticket = TICKET.matcher(title);
        return new Message(body, title, ticket.find() ? ticket.group(1) : null, eventOf(title));
    }

    /** Which notification event a subject was rendered from, by the English templates; "unknown" if none. */
    private String eventOf(String title) {
        return subjects.entrySet().stream().filter(e -> e.getValue().matcher(title).matches()).map(Map.Entry::getKey)
                .findFirst().orElse("unknown");
    }

    /**
     * Each event's subject template ({@code notifications/messages.properties} of itsm-core) as a pattern: the
     * literal text quoted, each {@code {placeholder}} any text. Reading the templates keeps the test in step with them.
     */
    private static Map<String, Pattern> subjectPatterns() {
        Properties templates = new Properties();
        try (InputStream in = ChatRecorder.class.getResourceAsStream("/notifications/messages.properties")) {
            if (in == null) {
                throw new IllegalStateException("notifications/messages.properties is not on the test classpath");
            }
            templates.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(templates.stringPropertyNames());
        keys.sort(null);
        for (String key : keys) {
            if (key.endsWith(".subject")) {
                String regex = java.util.Arrays.stream(templates.getProperty(key).split("\\{[a-z]+}", -1))
                        .map(Pattern::quote).reduce((a, b) -> a + ".*" + b).orElse("");
                patterns.put(key.substring(0, key.length() - ".subject".length()), Pattern.compile(regex, Pattern.DOTALL));
            }
        }
        return patterns;
    }
}
