package io.itsmhub.hub.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.PersonForm;
import io.itsmhub.core.people.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The release manager's and change manager's side of the loop, through the hub's REST API as they use it. */
final class ReleaseTestClient {

    static final String PASSWORD = "release-test-pw";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http;

    ReleaseTestClient(TestRestTemplate http) {
        this.http = http;
    }

    static void users(PeopleService people) {
        if (people.find("rob").isPresent()) {
            return;
        }
        people.save(new PersonForm("rob", "Rob", "rob@example.com", null, null, PASSWORD, Set.of(Role.RELEASE_MANAGER), Set.of()));
        people.save(new PersonForm("carol", "Carol", "carol@example.com", null, null, PASSWORD, Set.of(Role.CHANGE_MANAGER), Set.of()));
        people.save(new PersonForm("alice", "Alice", "alice@example.com", null, null, PASSWORD, Set.of(Role.AGENT), Set.of()));
        // a second change manager; one person holds change-manager and release-manager only when configured (issue 12)
        people.save(new PersonForm("dave", "Dave", "dave@example.com", null, null, PASSWORD,
                Set.of(Role.CHANGE_MANAGER), Set.of()));
    }

    String ci(String name) {
        return call("alice", HttpMethod.POST, "/api/v1/cis", Map.of("name", name, "ciClass", "APPLICATION"), 201)
                .get("number").asText();
    }

    /** A normal release change, assessed and authorised by carol, with its window from {@code start} for 2 h. */
    String authorised(String pipeline, String ci, Instant start, String rollback) {
        Map<String, Object> form = new HashMap<>(Map.of("title", "payments-api 2.5.0", "type", "NORMAL",
                "pipeline", pipeline, "parameters", Map.of("REPLICAS", 3), "releaseVersion", "2.5.0",
                "targetCis", List.of(ci), "plannedStart", start.toString(),
                "plannedEnd", start.plus(2, ChronoUnit.HOURS).toString()));
        if (rollback != null) {
            form.put("rollbackPipeline", rollback);
        }
        String number = call("rob", HttpMethod.POST, "/api/v1/changes", form, 201).get("number").asText();
        call("rob", HttpMethod.POST, "/api/v1/changes/" + number + "/assess", null, 200);
        call("carol", HttpMethod.POST, "/api/v1/changes/" + number + "/authorise", Map.of("text", "CAB ok"), 200);
        return number;
    }

    /** Authorised and scheduled with its window already open: the hub starts the pipeline by itself. */
    String scheduledNow(String pipeline, String ci, String rollback) {
        String number = authorised(pipeline, ci, Instant.now().minus(1, ChronoUnit.MINUTES), rollback);
        call("rob", HttpMethod.POST, "/api/v1/changes/" + number + "/schedule", null, 200);
        return number;
    }

    JsonNode change(String number) {
        return call("rob", HttpMethod.GET, "/api/v1/changes/" + number, null, 200);
    }

    JsonNode run(String number, int index) {
        JsonNode runs = change(number).get("runs");
        return runs.size() > index ? runs.get(index) : JSON.createObjectNode();
    }

    List<String> journal(String number) {
        return call("rob", HttpMethod.GET, "/api/v1/changes/" + number + "/journal", null, 200).findValuesAsText("message");
    }

    JsonNode call(String user, HttpMethod method, String url, Object body, int expectedStatus) {
        ResponseEntity<String> answer = exchange(user, method, url, body);
        assertThat(answer.getStatusCode().value()).as("%s %s → %s", method, url, answer.getBody()).isEqualTo(expectedStatus);
        try {
            return answer.getBody() == null ? JSON.createObjectNode() : JSON.readTree(answer.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError(answer.getBody(), e);
        }
    }

    ResponseEntity<String> exchange(String user, HttpMethod method, String url, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String password = user.equals("admin") ? "admin-pw-for-tests" : PASSWORD;
        return http.withBasicAuth(user, password).exchange(url, method, new HttpEntity<>(body, headers), String.class);
    }
}
