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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Desks in the console, on the demo's head office and its Shanghai branch: Sam (a Shanghai agent) finds no head-office
 * ticket on any page — queues, the ticket's page, its {@code /t/} link — while Alice (head office) sees both; Sam
 * escalates a branch incident to the head office, which keeps its SLA clock, and its journal says so in English to
 * one reader and in Chinese to another.
 */
class DeskVisibilityBrowserTest extends BrowserTestSupport {

    @Autowired ObjectMapper json;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aBranchAgentFindsNoHeadOfficeTicketOnAnyPageAndTheHeadOfficeSeesBoth() throws Exception {
        String headOffice = api("rita", "POST", "/api/v1/incidents", Map.of("title", "Head office VPN down " + unique()))
                .path("number").asText();
        JsonNode branchIncident = api("lily", "POST", "/api/v1/incidents", Map.of("title", "Branch ATM offline " + unique()));
        String ofBranch = branchIncident.path("number").asText();
        assertThat(branchIncident.path("desk").asText()).as("lily sits in Shanghai: routed to the branch").isEqualTo("SH");
        String headOfficeRequest = api("rita", "POST", "/api/v1/requests", Map.of("catalogItem", "access-request",
                "values", Map.of("group", "finance-share", "justification", "audit " + unique()))).path("number").asText();

        browser.login("sam", PASSWORD);
        for (String queue : List.of("mine", "groups", "unassigned", "breaching")) {
            browser.go("/agent?queue=" + queue);
            String page = browser.text(By.cssSelector("main"));
            assertThat(page).as("queue %s", queue).doesNotContain(headOffice).doesNotContain(headOfficeRequest);
        }
        browser.go("/agent?queue=unassigned");
        assertThat(browser.all(By.cssSelector("table.queue tr[data-number='" + ofBranch + "']"))).hasSize(1);

        for (String page : List.of("/agent/incidents/" + headOffice, "/t/" + headOffice, "/agent/requests/" + headOfficeRequest,
                "/t/" + headOfficeRequest)) {
            browser.go(page);
            assertThat(browser.text(By.cssSelector("main h1"))).as(page).isEqualTo("Not found");
            assertThat(browser.text(By.cssSelector("main"))).as(page).doesNotContain("VPN");
        }
        browser.go("/t/" + ofBranch);
        assertThat(browser.text(By.id("desk"))).isEqualTo("Shanghai branch (SH)");
        long branchBacklog = dashboardBacklog();
        assertThat(branchBacklog).as("Sam's dashboard counts what the API counts for Sam")
                .isEqualTo(api("sam", "GET", "/api/v1/metrics/operations", null)
                        .path("backlogByPriorityAndAge").path("total").asLong());

        browser.login("alice", PASSWORD);
        assertThat(dashboardBacklog()).as("the head office's backlog has the head-office incident too")
                .isGreaterThan(branchBacklog);
        browser.go("/agent?queue=unassigned");
        assertThat(browser.all(By.cssSelector("table.queue tr[data-number='" + ofBranch + "']"))).hasSize(1);
        assertThat(browser.all(By.cssSelector("table.queue tr[data-number='" + headOffice + "']"))).hasSize(1);
        browser.go("/t/" + headOffice);
        assertThat(browser.text(By.id("desk"))).isEqualTo("Head office (HQ)");
        browser.go("/t/" + ofBranch);
        assertThat(browser.text(By.id("desk"))).isEqualTo("Shanghai branch (SH)");
        browser.checkPhoneWidth("incident-with-desk");
    }

    @Test
    void aBranchIncidentEscalatedToTheHeadOfficeKeepsItsSlaClockAndTheJournalSaysSoInEachReadersLanguage() throws Exception {
        String number = api("lily", "POST", "/api/v1/incidents", Map.of("title", "Teller printer jammed " + unique()))
                .path("number").asText();
        String resolutionDue = api("sam", "GET", "/api/v1/incidents/" + number, null).path("resolutionDue").asText();

        browser.login("sam", PASSWORD);
        browser.go("/agent/incidents/" + number);
        browser.click(By.cssSelector("#escalate-panel summary"));
        assertThat(browser.text(By.cssSelector("#escalate-panel summary"))).isEqualTo("Escalate to HQ");
        browser.type(By.id("escalate-reason"), "needs the head office's print team");
        browser.click(By.cssSelector("#escalate button[type=submit]"));
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.notice"),
                number + " escalated to HQ."));
        assertThat(browser.path()).as("Sam no longer sees it: back to the queues").isEqualTo("/agent");
        browser.go("/agent/incidents/" + number);
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Not found");

        browser.login("alice", PASSWORD);
        browser.go("/agent/incidents/" + number);
        assertThat(browser.text(By.id("desk"))).isEqualTo("Head office (HQ)");
        assertThat(browser.all(By.cssSelector("dd time")).stream().map(t -> t.getAttribute("datetime")).toList())
                .as("the resolution target it had on the branch").contains(resolutionDue);
        assertThat(browser.all(By.id("escalate-panel"))).as("nothing above the head office").isEmpty();
        String english = String.join("\n", journalLines());
        assertThat(english).contains("Escalated from desk SH to HQ: needs the head office's print team. SLA clock kept: resolution due")
                .contains("Desk: SH → HQ");

        browser.go("/agent/incidents/" + number + "?lang=zh-CN");
        String chinese = String.join("\n", journalLines());
        assertThat(chinese).contains("从服务台 SH 升级到 HQ：needs the head office's print team。SLA 计时保持不变")
                .contains("服务台");
        browser.go("/agent?lang=en");
    }

    /** The open-incident total the dashboard's backlog matrix shows ("…: 7"). */
    private long dashboardBacklog() {
        browser.go("/dashboard");
        String heading = browser.text(By.cssSelector("#backlog-matrix h2"));
        return Long.parseLong(heading.substring(heading.lastIndexOf(':') + 1).trim());
    }

    private List<String> journalLines() {
        browser.find(By.cssSelector("#journal ul.journal"));
        return browser.all(By.cssSelector("#journal ul.journal > li")).stream().map(WebElement::getText).toList();
    }

    private JsonNode api(String user, String method, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s %s: %s", method, path, answer.body()).isBetween(200, 299);
        return json.readTree(answer.body());
    }

    private static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000L, 36);
    }
}
