package io.itsmhub.hub.bench;

import io.itsmhub.hub.bench.HubBenchmark.Measurement;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web console's cost over the API: each heavy page (the agent's unassigned queue with its 200 most urgent
 * tickets, the 30-day dashboard) against the API call that answers the same question as JSON, in the same run, on
 * the data the earlier measurements left (thousands of open incidents). The ratio is what rendering HTML adds.
 */
final class ConsoleBenchmark {

    record Pair(String page, String api) { }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private ConsoleBenchmark() { }

    static List<Pair> pairs() {
        return List.of(new Pair("/agent?queue=unassigned", "/api/v1/queues/unassigned?size=200"),
                new Pair("/dashboard?days=30", "/api/v1/metrics/operations"));
    }

    static List<Measurement> run(HttpClient http, String database, String base, String user, String password,
                                 String basicAuth, int clients, Duration warmUp, Duration measure) throws Exception {
        String session = login(http, base, user, password);
        Map<String, LongFunction<HttpRequest>> endpoints = new LinkedHashMap<>();
        for (Pair pair : pairs()) {
            endpoints.put("page " + pair.page(), n -> HttpRequest.newBuilder(URI.create(base + pair.page()))
                    .header("Cookie", session).timeout(Duration.ofSeconds(30)).GET().build());
            endpoints.put("api " + pair.api(), n -> HttpRequest.newBuilder(URI.create(base + pair.api()))
                    .header("Authorization", basicAuth).timeout(Duration.ofSeconds(30)).GET().build());
        }
        for (var endpoint : endpoints.entrySet()) {
            HubBenchmark.run(http, database, endpoint.getKey(), endpoint.getValue(), clients, warmUp);
        }
        List<Measurement> results = new ArrayList<>();
        for (var endpoint : endpoints.entrySet()) {
            Measurement m = HubBenchmark.run(http, database, endpoint.getKey(), endpoint.getValue(), clients, measure);
            results.add(m);
            System.out.printf(Locale.ROOT, "%-10s %-50s %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d%n",
                    database, m.endpoint(), m.throughput(), m.percentileMillis(0.5), m.percentileMillis(0.99), m.errors());
        }
        return results;
    }

    /** Signs in through the login form as a browser does (CSRF token, session cookie) and returns the cookie. */
    static String login(HttpClient http, String base, String user, String password) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(form.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String anonymous = cookie(form);
        String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        HttpResponse<Void> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Cookie", anonymous).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("console login failed: " + signedIn.statusCode() + " " + location);
        }
        return cookie(signedIn);
    }

    static String report(List<Measurement> results) {
        StringBuilder out = new StringBuilder("""

                ## Web console: pages against the API answering the same question

                Each page measured like the endpoints above (same clients, warm-up and duration), signed in through the
                login form (session cookie), after those measurements left thousands of open incidents behind. The
                baseline is the JSON API call that answers the page's question; the ratio is what server-side rendering
                (Thymeleaf) adds. The agent's queue page also counts all four queues for its tabs (8 count queries).
                On PostgreSQL the ratio is the page's own cost. On H2, with the ~100k open incidents the measurements
                above leave, the API baseline repeats the same two statements, which H2 answers from its
                per-connection result cache (results of its 8 most recent statements); the page runs about 17
                statements per view and pays for each. Checked by hand with the cache off (QUERY_CACHE_SIZE=0, 60k open
                incidents, 8 clients): API p50 476 ms, page 821 ms, a ratio of 1.7 like PostgreSQL's.

                | database | page | p50 ms | p99 ms | req/s | API baseline | p50 ms | page p50 / API p50 |
                |---|---|---:|---:|---:|---|---:|---:|
                """);
        for (Measurement page : results) {
            if (!page.endpoint().startsWith("page ")) {
                continue;
            }
            String path = page.endpoint().substring(5);
            Pair pair = pairs().stream().filter(p -> p.page().equals(path)).findFirst().orElseThrow();
            Measurement api = results.stream().filter(m -> m.database().equals(page.database())
                    && m.endpoint().equals("api " + pair.api())).findFirst().orElseThrow();
            out.append(String.format(Locale.ROOT, "| %s | `%s` | %.1f | %.1f | %.1f | `%s` | %.1f | %.2f |%n",
                    page.database(), path, page.percentileMillis(0.5), page.percentileMillis(0.99), page.throughput(),
                    pair.api(), api.percentileMillis(0.5), page.percentileMillis(0.5) / api.percentileMillis(0.5)));
        }
        return out.toString();
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
