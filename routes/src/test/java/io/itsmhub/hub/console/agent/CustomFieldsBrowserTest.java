package io.itsmhub.hub.console.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.hub.console.BrowserTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A custom field the administrator adds to the Shanghai branch's incidents (no code, no restart) shows on the
 * incident's page with its label in the reader's language.
 */
class CustomFieldsBrowserTest extends BrowserTestSupport {

    @Autowired ObjectMapper json;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aBranchsCustomFieldShowsOnTheIncidentPageInTheReadersLanguage() throws Exception {
        call("admin", ADMIN_PASSWORD, "PUT", "/api/v1/fields/incident/SH/storesAffected", Map.of("label", "Stores affected",
                "labelZh", "受影响门店", "type", "NUMBER", "required", false, "min", 1));
        String number = call("lily", PASSWORD, "POST", "/api/v1/incidents", Map.of("title", "Card readers down",
                "attributes", Map.of("storesAffected", "12"))).path("number").asText();

        browser.login("sam", PASSWORD);
        browser.go("/agent/incidents/" + number);
        assertThat(browser.text(By.cssSelector("main"))).contains("Stores affected");
        assertThat(browser.text(By.cssSelector("dd[data-field=storesAffected]"))).isEqualTo("12");
        browser.go("/agent/incidents/" + number + "?lang=zh-CN");
        assertThat(browser.text(By.cssSelector("main"))).contains("受影响门店");
        browser.go("/agent?lang=en");
    }

    private JsonNode call(String user, String password, String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s %s: %s", method, path, answer.body()).isBetween(200, 299);
        return json.readTree(answer.body());
    }
}
