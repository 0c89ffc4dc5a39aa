package io.itsmhub.hub.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.hub.console.BrowserTestSupport;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The requester rates a resolved incident in the portal, and the operations dashboard shows, for the same period,
 * exactly the figures that the API's operations report gives — including that rating — with a chart each.
 */
@Order(Integer.MAX_VALUE)
class DashboardBrowserTest extends BrowserTestSupport {

    @Autowired TestRestTemplate http;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void aRatingGivenInThePortalShowsOnTheDashboardWhoseFiguresMatchTheApi() throws Exception {
        String number = resolvedIncidentRaisedBy("rita");

        browser.login("rita", PASSWORD);
        browser.go("/portal/requests");
        browser.click(By.cssSelector("#my-incidents tr[data-number=" + number + "] a"));
        browser.click(By.cssSelector("input[name=score][value='4']"));
        browser.type(By.id("rating-comment"), "quick and friendly");
        browser.click(By.cssSelector("#rating button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".flash.notice"))).isEqualTo("Thank you for your rating.");
        assertThat(browser.text(By.id("rated"))).isEqualTo("You rated it 4 / 5. Thank you.");
        browser.checkPhoneWidth("portal-rating");

        browser.login("mike", PASSWORD);
        browser.go("/dashboard?days=7");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode report = api("/api/v1/metrics/operations?from=" + today.minusDays(6) + "&to=" + today);
        assertThat(report.get("figures")).hasSize(9);
        for (JsonNode figure : report.get("figures")) {
            String key = figure.get("key").asText();
            String shown = browser.text(By.cssSelector("[data-figure=" + key + "] .value"));
            if (figure.get("value").isNull()) {
                assertThat(shown).as("figure %s has nothing to measure", key).isEqualTo("—");
            } else {
                assertThat(Double.parseDouble(shown)).as("figure %s", key)
                        .isCloseTo(figure.get("value").asDouble(), within(0.05));
            }
            assertThat(browser.find(By.cssSelector("[data-figure=" + key + "] .chart canvas"))).as("chart of " + key).isNotNull();
        }
        JsonNode csat = figure(report, "csat");
        assertThat(csat.get("denominator").asLong()).as("rita's rating counts").isGreaterThanOrEqualTo(1);
        assertThat(browser.text(By.cssSelector("[data-figure=csat] .basis")))
                .isEqualTo(csat.get("numerator").asText() + " of " + csat.get("denominator").asText() + " ratings were 4 or 5");
        assertThat(browser.text(By.cssSelector("#backlog-matrix h2")))
                .endsWith(": " + report.get("backlogByPriorityAndAge").get("total").asText());
        browser.screenshot("dashboard");
        browser.checkPhoneWidth("dashboard");

        browser.click(By.linkText("Big screen"));
        assertThat(browser.find(By.tagName("body")).getAttribute("class")).contains("big-screen");
        assertThat(browser.find(By.id("board")).getAttribute("hx-trigger")).isEqualTo("every 60s");
        browser.find(By.cssSelector("[data-figure=mttr] .chart canvas"));
        browser.screenshot("dashboard-big-screen");

        browser.go("/dashboard?from=" + today + "&to=" + today.minusDays(3));
        assertThat(browser.text(By.cssSelector(".flash.error"))).startsWith("from:");
    }

    @Test
    void aRequesterHasNoDashboard() {
        browser.login("rita", PASSWORD);
        assertThat(browser.all(By.cssSelector("[data-nav=dashboard]"))).isEmpty();
        browser.go("/dashboard");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not allowed");
    }

    private String resolvedIncidentRaisedBy(String caller) throws Exception {
        JsonNode incident = post("/api/v1/incidents", Map.of("title", "Printer on floor 3 jams", "caller", caller,
                "assignmentGroup", "service-desk"));
        String number = incident.get("number").asText();
        post("/api/v1/incidents/" + number + "/assign", Map.of("assignmentGroup", "service-desk", "assignee", "alice"));
        post("/api/v1/incidents/" + number + "/start", Map.of());
        post("/api/v1/incidents/" + number + "/resolve", Map.of("resolutionCode", "fixed", "note", "roller replaced"));
        return number;
    }

    private JsonNode post(String path, Object body) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("alice", PASSWORD).postForEntity(path, body, String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s: %s", path, response.getBody()).isTrue();
        return json.readTree(response.getBody());
    }

    private JsonNode api(String path) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("mike", PASSWORD).getForEntity(path, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private static JsonNode figure(JsonNode report, String key) {
        for (JsonNode f : report.get("figures")) {
            if (f.get("key").asText().equals(key)) {
                return f;
            }
        }
        throw new AssertionError("no figure " + key);
    }
}
