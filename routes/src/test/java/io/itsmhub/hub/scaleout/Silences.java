package io.itsmhub.hub.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The silences an Alertmanager holds ({@code GET /api/v2/silences}), tied to the incidents the hub set them for: the
 * hub's silences are created by {@code itsm-hub} with a comment {@code Resolved in INC-… by …}.
 */
final class Silences {

    /** One silence; {@code incident} is the one its comment names, or null for a silence the hub did not set. */
    record Silence(String id, String state, String incident, String startsAt) {
        boolean active() {
            return "active".equals(state);
        }

        @Override
        public String toString() {
            return id + " " + state + " from " + startsAt;
        }
    }

    private static final Pattern SET_FOR = Pattern.compile("Resolved in (INC-\\d+) by ");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Silence> all;
    private final Map<String, List<Silence>> byIncident;

    private Silences(List<Silence> all) {
        this.all = all;
        this.byIncident = all.stream().filter(s -> s.incident() != null).collect(Collectors.groupingBy(Silence::incident));
    }

    static Silences of(URI alertmanager) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(alertmanager.resolve("/api/v2/silences"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + alertmanager + "/api/v2/silences: HTTP " + answer.statusCode()
                    + " " + answer.body());
        }
        List<Silence> silences = new ArrayList<>();
        for (JsonNode s : JSON.readTree(answer.body())) {
            Matcher setFor = SET_FOR.matcher(s.path("comment").asText());
            boolean byHub = "itsm-hub".equals(s.path("createdBy").asText()) && setFor.find();
            silences.add(new Silence(s.path("id").asText(), s.path("status").path("state").asText(),
                    byHub ? setFor.group(1) : null, s.path("startsAt").asText()));
        }
        return new Silences(silences);
    }

    int count() {
        return all.size();
    }

    long active() {
        return all.stream().filter(Silence::active).count();
    }

    /** Of {@code incidents}, those that do not have exactly one silence, active: incident → what they have. */
    Map<String, String> notExactlyOneActive(List<String> incidents) {
        Map<String, String> wrong = new TreeMap<>();
        for (String number : incidents) {
            List<Silence> of = byIncident.getOrDefault(number, List.of());
            long active = of.stream().filter(Silence::active).count();
            if (of.size() != 1 || active != 1) {
                wrong.put(number, of.size() + " silence(s), " + active + " active: " + of);
            }
        }
        return wrong;
    }

    /** Of {@code incidents}, those with an active silence: incident → its active silences. */
    Map<String, String> withAnActive(List<String> incidents) {
        Map<String, String> silenced = new TreeMap<>();
        for (String number : incidents) {
            List<Silence> active = byIncident.getOrDefault(number, List.of()).stream().filter(Silence::active).toList();
            if (!active.isEmpty()) {
                silenced.put(number, active.toString());
            }
        }
        return silenced;
    }
}
