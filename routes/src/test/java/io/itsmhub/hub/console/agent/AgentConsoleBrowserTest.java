package io.itsmhub.hub.console.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.connectors.alertmanager.AlertmanagerClient;
import io.itsmhub.connectors.alertmanager.AlertmanagerSettings;
import io.itsmhub.connectors.alertmanager.HttpAlertmanagerClient;
import io.itsmhub.core.alert.AlertService;
import io.itsmhub.core.alert.MonitoredAlert;
import io.itsmhub.core.incident.IncidentFilter;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.core.outbox.OutboxConsumer;
import io.itsmhub.core.outbox.Publication;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.RequestStatus;
import io.itsmhub.hub.console.BrowserTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/**
 * The agent console in a real browser against a hub with real peers: an alert that the real Alertmanager posts to
 * the hub is found in a queue, taken, worked and resolved, and the hub's silence shows up at that Alertmanager;
 * reopen; a requester is kept out; an administrator replays a dead letter that Alertmanager itself refused.
 */
class AgentConsoleBrowserTest extends BrowserTestSupport {

    @Autowired IncidentService incidents;
    @Autowired AlertService alerts;
    @Autowired OutboxConsumer outbox;
    @Autowired RequestService requests;
    @Autowired ObjectMapper json;

    final AlertmanagerClient am = new HttpAlertmanagerClient(AlertmanagerSettings.of(alertmanager.url()));
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anAlertFromAlertmanagerIsFoundInAQueueWorkedAndResolvedAndTheHubSilencesItAtAlertmanager() throws Exception {
        browser.login("alice", PASSWORD);
        browser.click(By.cssSelector(".tabs a[data-queue=unassigned]"));

        String alertName = "AgentConsoleDown" + unique();
        am.postAlerts(List.of(Map.of(
                "labels", Map.of("alertname", alertName, "instance", "vm-pay-01:9100", "severity", "critical", "job", "node"),
                "annotations", Map.of("summary", "vm-pay-01 does not answer (" + alertName + ")"),
                "generatorURL", "http://prometheus:9090/graph")));
        IncidentView raised = awaitIncident(alertName);
        By inQueue = By.cssSelector("table.queue tr[data-number='" + raised.number() + "']");
        browser.waitFor(Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .withMessage("the open queue refreshes itself").until(ExpectedConditions.visibilityOfElementLocated(inQueue));
        WebElement row = browser.find(inQueue);
        assertThat(row.getText()).contains(alertName).contains("P1").contains("New").contains("left");
        assertThat(row.findElement(By.cssSelector(".p1")).getText()).isEqualTo("P1");
        browser.screenshot("agent-queue");
        browser.checkPhoneWidth("agent-queue");

        browser.click(By.linkText(raised.number()));
        assertThat(browser.path()).isEqualTo("/agent/incidents/" + raised.number());
        assertThat(browser.text(By.tagName("h1"))).contains(alertName);
        WebElement alert = browser.find(By.cssSelector("#alerts article[data-alert='" + alertName + "']"));
        assertThat(alert.getText()).contains("Firing").contains("severity=critical");
        assertThat(alert.findElement(By.cssSelector("a.am-link")).getAttribute("href")).isEqualTo(alertmanager.url()
                + "/#/alerts?filter=" + URLEncoder.encode("{alertname=\"" + alertName + "\"}", StandardCharsets.UTF_8));
        assertThat(browser.text(By.id("cis"))).contains("vm-pay-01");
        assertThat(browser.text(By.id("dependencies"))).as("what the VM needs").contains("k8s-prod");
        assertThat(browser.text(By.id("dependents"))).as("what needs the VM").contains("payments-api").contains("Payments");

        browser.click(By.id("take"));
        awaitText(By.cssSelector(".flash.notice"), raised.number() + " is yours.");
        assertThat(browser.text(By.id("assignee"))).isEqualTo("Alice Agent");
        browser.click(By.id("start"));
        awaitText(By.id("status"), "In progress");

        new Select(browser.find(By.id("resolutionCode"))).selectByValue("fixed");
        browser.type(By.id("note"), "Restarted the node exporter on vm-pay-01");
        browser.click(By.cssSelector("#resolve button[type=submit]"));
        awaitText(By.cssSelector(".flash.notice"), raised.number() + " resolved.");
        assertThat(browser.text(By.id("status"))).startsWith("Resolved");
        List<String> journal = journalLines();
        int resolvedAt = indexOf(journal, "Resolved In progress → Resolved · fixed");
        assertThat(resolvedAt).as("the resolution in %s", journal).isNotNegative()
                .as("newest first").isLessThan(indexOf(journal, "Work started New → In progress"));
        assertThat(indexOf(journal, "Resolution note: Restarted the node exporter on vm-pay-01")).isNotNegative();

        JsonNode silence = await().atMost(Duration.ofSeconds(20)).until(() -> activeSilenceFor(alertName), Optional::isPresent).get();
        assertThat(silence.path("createdBy").asText()).isEqualTo("itsm-hub");
        assertThat(silence.path("comment").asText()).contains(raised.number()).contains("alice");
        browser.driver().navigate().refresh();
        assertThat(browser.text(By.cssSelector("#alerts article .silence"))).contains(silence.path("id").asText());
        assertThat(indexOf(journalLines(), "alertmanager create-silence: silence " + silence.path("id").asText())).isNotNegative();
        browser.screenshot("agent-incident");
        browser.checkPhoneWidth("agent-incident");
        browser.script("document.getElementById('alerts').scrollIntoView()");
        browser.screenshot("agent-incident-alerts-and-cis");
    }

    @Test
    void reopeningFromTheConsoleIsInTheJournalAndPutsTheIncidentBackInMyGroupsQueue() throws Exception {
        String number = api("alice", "POST", "/api/v1/incidents", Map.of("title", "Payroll export stuck " + unique(),
                "impact", "MEDIUM", "urgency", "HIGH", "assignmentGroup", "platform")).path("number").asText();
        api("alice", "POST", "/api/v1/incidents/" + number + "/resolve", Map.of("resolutionCode", "workaround",
                "note", "restarted the export job"));

        browser.login("alice", PASSWORD);
        browser.go("/agent/incidents/" + number);
        assertThat(browser.text(By.id("status"))).startsWith("Resolved");
        assertThat(browser.all(By.id("resolve"))).as("no resolve on a resolved incident").isEmpty();
        browser.type(By.id("reason"), "the export is stuck again");
        browser.click(By.cssSelector("#reopen button[type=submit]"));

        awaitText(By.cssSelector(".flash.notice"), number + " reopened.");
        assertThat(browser.text(By.id("status"))).startsWith("In progress");
        assertThat(browser.text(By.cssSelector("#journal ul.journal li"))).as("the newest journal line")
                .contains("Reopened").contains("Resolved → In progress").contains("the export is stuck again");

        browser.go("/agent?queue=groups");
        assertThat(browser.find(By.cssSelector("table.queue tr[data-number='" + number + "']")).getText())
                .contains("In progress").contains("platform");

        browser.click(By.linkText(number));
        browser.click(By.cssSelector("#assign-panel summary"));
        new Select(browser.find(By.id("assign-group"))).selectByValue("service-desk");
        browser.waitFor(Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class) // htmx swaps the options
                .until(d -> optionTexts(By.id("assign-assignee")).equals(List.of("Unassigned", "Alice Agent")));
        new Select(browser.find(By.id("assign-assignee"))).selectByVisibleText("Alice Agent");
        browser.click(By.cssSelector("form.assign button[type=submit]"));
        awaitText(By.cssSelector(".flash.notice"), number + " assigned.");
        assertThat(browser.text(By.id("group"))).isEqualTo("service-desk");
        assertThat(browser.text(By.id("assignee"))).isEqualTo("Alice Agent");
        assertThat(journalLines().get(0)).endsWith("Assignee: Alice Agent");
    }

    @Test
    void whatARequesterReportedIsShownNextToThePriorityTheServiceDeskSets() throws Exception {
        String number = api("rita", "POST", "/api/v1/incidents", Map.of("title", "Nobody can print " + unique(),
                "impact", "HIGH", "urgency", "HIGH")).path("number").asText();

        browser.login("alice", PASSWORD);
        browser.go("/agent/incidents/" + number);
        assertThat(browser.text(By.cssSelector("dd .p3"))).contains("P3");
        assertThat(browser.text(By.id("reported"))).contains("caller reported: impact high").contains("urgency high");
    }

    @Test
    void aRequesterIsNotAllowedIntoTheAgentConsoleAndAnAgentNotIntoTheDeadLetters() throws Exception {
        String number = api("alice", "POST", "/api/v1/incidents", Map.of("title", "Printer on fire " + unique(),
                "caller", "rita")).path("number").asText();

        browser.login("rita", PASSWORD);
        browser.go("/agent/incidents/" + number);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not allowed");
        assertThat(browser.all(By.cssSelector("[data-nav=agent]"))).isEmpty();

        browser.login("alice", PASSWORD);
        browser.go("/agent/dead-letters");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not allowed");
        assertThat(browser.all(By.cssSelector("[data-nav=dead-letters]"))).isEmpty();
    }

    @Test
    void aServiceRequestIsTakenAndCommentedInTheConsole() throws Exception {
        String number = api("rita", "POST", "/api/v1/requests", Map.of("catalogItem", "access-request",
                "values", Map.of("group", "finance-share", "justification", "month-end close " + unique())))
                .path("number").asText();

        browser.login("alice", PASSWORD);
        browser.click(By.cssSelector(".tabs a[data-queue=groups]"));
        browser.click(By.linkText(number));
        assertThat(browser.text(By.id("status"))).isEqualTo("Awaiting approval");
        assertThat(browser.text(By.cssSelector("main"))).contains("finance-share").contains("Rita Requester");
        browser.click(By.id("take"));
        awaitText(By.cssSelector(".flash.notice"), number + " is yours.");
        browser.type(By.id("comment-text"), "Checked with the share owner");
        browser.click(By.cssSelector("form.comment button[type=submit]"));
        awaitText(By.cssSelector(".flash.notice"), "Comment added to " + number + ".");
        assertThat(journalLines().get(0)).as("the newest journal line").endsWith("Comment: Checked with the share owner");
        assertThat(browser.text(By.id("assignee"))).isEqualTo("Alice Agent");
        browser.screenshot("agent-request");
        browser.checkPhoneWidth("agent-request");

        assertThat(journalLines()).anyMatch(l -> l.contains("Waiting for approval by"))
                .anyMatch(l -> l.contains("ordered"));

        browser.click(By.cssSelector(".lang a[lang=zh-CN]"));
        assertThat(browser.text(By.id("status"))).isEqualTo("待审批");
        assertThat(browser.text(By.cssSelector(".work h2"))).isEqualTo("操作");
        // the journal too: the hub's own lines in Chinese, the agent's comment as she wrote it
        assertThat(journalLines()).anyMatch(l -> l.contains("等待") && l.contains("审批"))
                .anyMatch(l -> l.contains("订购了")).noneMatch(l -> l.contains("Waiting for approval by"))
                .anyMatch(l -> l.endsWith("Checked with the share owner"));
        browser.screenshot("agent-request-zh");
        browser.click(By.cssSelector(".lang a[lang=en]"));
        assertThat(browser.text(By.id("status"))).isEqualTo("Awaiting approval");
        assertThat(journalLines()).anyMatch(l -> l.contains("Waiting for approval by"));
    }

    /**
     * The agent keeps a comment for the requester and a work note for staff apart: the agent's page marks the work
     * note, the requester's portal page (opened from the ticket's mailed link) shows the comment and not the note.
     */
    @Test
    void aWorkNoteShowsOnTheAgentsPageAndNeverOnTheRequestersPortalPage() throws Exception {
        String number = api("rita", "POST", "/api/v1/requests", Map.of("catalogItem", "access-request",
                "values", Map.of("group", "finance-share", "justification", "quarterly audit " + unique())))
                .path("number").asText();

        browser.login("alice", PASSWORD);
        browser.go("/agent/requests/" + number);
        browser.type(By.id("comment-text"), "Your access is being prepared");
        browser.click(By.id("add-comment"));
        awaitText(By.cssSelector(".flash.notice"), "Comment added to " + number + ".");
        browser.type(By.id("comment-text"), "share owner is on leave, ask deputy at 10.20.0.5");
        browser.click(By.id("add-work-note"));
        awaitText(By.cssSelector(".flash.notice"), "Work note added to " + number + ".");
        WebElement note = browser.find(By.cssSelector("#journal ul.journal > li[data-visibility=internal]"));
        assertThat(note.getText()).contains("Work note").contains("share owner is on leave, ask deputy at 10.20.0.5");
        assertThat(journalLines()).anyMatch(l -> l.endsWith("Comment: Your access is being prepared") && !l.contains("Work note"));
        browser.screenshot("agent-work-note");
        browser.click(By.cssSelector(".lang a[lang=zh-CN]"));
        assertThat(browser.find(By.cssSelector("#journal li[data-visibility=internal] .badge.work-note")).getText())
                .isEqualTo("工作备注");
        assertThat(browser.find(By.id("add-work-note")).getText()).isEqualTo("添加工作备注");
        browser.click(By.cssSelector(".lang a[lang=en]"));

        browser.login("rita", PASSWORD);
        browser.go("/t/" + number);
        assertThat(browser.path()).isEqualTo("/portal/requests/" + number);
        browser.click(By.cssSelector("details.card summary"));
        String portalJournal = browser.text(By.cssSelector("ul.journal"));
        assertThat(portalJournal).contains("Your access is being prepared")
                .doesNotContain("share owner is on leave").doesNotContain("10.20.0.5");
        assertThat(browser.find(By.tagName("main")).getAttribute("textContent")).doesNotContain("10.20.0.5");
    }

    /**
     * No directory is configured in this hub, so the directory step of an access request fails for real and holds
     * the request: the agent sees the failed step and its error, and undoes and cancels it; the page follows the
     * undoing by itself until the request is cancelled.
     */
    @Test
    void aHeldFulfilmentIsUndoneAndTheRequestCancelledFromTheConsole() throws Exception {
        String number = api("rita", "POST", "/api/v1/requests", Map.of("catalogItem", "access-request",
                "values", Map.of("group", "wiki-editors", "justification", "documentation sprint " + unique())))
                .path("number").asText();
        api("mike", "POST", "/api/v1/requests/" + number + "/approve", Map.of("text", "fine"));
        await().atMost(Duration.ofSeconds(20)).until(() -> requests.get(number).status() == RequestStatus.ON_HOLD);

        browser.login("alice", PASSWORD);
        browser.go("/agent/requests/" + number);
        assertThat(browser.text(By.id("status"))).isEqualTo("On hold");
        assertThat(browser.find(By.id("fulfilment")).getAttribute("data-state")).isEqualTo("HELD");
        assertThat(browser.find(By.cssSelector("#fulfilment li[data-step=GRANT_ACCESS]")).getAttribute("class")).isEqualTo("failed");
        assertThat(browser.text(By.cssSelector("#fulfilment .flash.error"))).contains("no directory is configured");
        assertThat(browser.find(By.id("retry")).isDisplayed()).isTrue();
        browser.screenshot("agent-request-held");

        browser.type(By.cssSelector("#fulfilment input[name=reason]"), "the directory is not connected yet");
        browser.click(By.id("cancel-fulfilment"));
        awaitText(By.cssSelector(".flash.notice"), "The fulfilment of " + number + " is being undone");
        browser.waitFor(Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class) // htmx swaps the section
                .until(ExpectedConditions.attributeToBe(By.id("fulfilment"), "data-state", "CANCELLED"));
        browser.driver().navigate().refresh();
        assertThat(browser.text(By.id("status"))).isEqualTo("Cancelled");
        assertThat(indexOf(journalLines(), "Fulfilment cancelled: the directory is not connected yet")).isNotNegative();
    }

    /**
     * A dead letter made honestly: a sender that is not Alertmanager posts an alert whose label name Alertmanager
     * does not accept; resolving the incident makes the hub ask the real Alertmanager for a silence on those labels,
     * which it refuses (400), so the event is parked at once. Once the alert has cleared there is nothing left to
     * silence, and the administrator's replay delivers the event.
     */
    @Test
    void anAdministratorSeesADeadLetterThatAlertmanagerRefusedAndReplaysIt() throws Exception {
        String alertName = "LegacySender" + unique();
        webhook(alertName, "firing");
        IncidentView raised = awaitIncident(alertName);
        api("alice", "POST", "/api/v1/incidents/" + raised.number() + "/resolve", Map.of("resolutionCode", "fixed"));
        Publication parked = await().atMost(Duration.ofSeconds(20)).until(() -> parkedFor(raised.number()), Optional::isPresent).get();

        browser.login("admin", ADMIN_PASSWORD);
        browser.click(By.cssSelector("[data-nav=dead-letters]"));
        WebElement row = browser.find(By.cssSelector("table.letters tr[data-id='" + parked.id() + "']"));
        assertThat(row.getText()).contains("IncidentResolved").contains(raised.number()).contains("400")
                .contains("invalid label name").as("the flow whose call failed").contains("alert-close");
        browser.click(By.cssSelector("nav.subscribers a[data-subscriber='alert-close']"));
        assertThat(browser.find(By.cssSelector("table.letters tr[data-id='" + parked.id() + "']")).getText())
                .as("listed under its subscriber").contains(raised.number());
        assertThat(browser.find(By.cssSelector("nav.subscribers a.current")).getText()).contains("alert-close");
        browser.screenshot("agent-dead-letters");
        browser.checkPhoneWidth("agent-dead-letters");

        webhook(alertName, "resolved");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> alerts.forIncident(raised.number()).get(0).status() == MonitoredAlert.Status.RESOLVED);
        browser.click(By.cssSelector("tr[data-id='" + parked.id() + "'] button.replay"));
        awaitText(By.cssSelector(".flash.notice"), "The event is back in line for delivery.");
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.find(parked.id()).status().equals("DONE"));
        browser.driver().navigate().refresh();
        assertThat(browser.all(By.cssSelector("tr[data-id='" + parked.id() + "']"))).as("delivered, no longer parked").isEmpty();
    }

    private IncidentView awaitIncident(String titlePart) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> incidents.list(new IncidentFilter(null, null, null, null,
                        "alertmanager", null, null, null, null), Pageable.unpaged()).items().stream()
                .filter(i -> i.title().contains(titlePart)).findFirst(), Optional::isPresent).get();
    }

    private Optional<Publication> parkedFor(String ticket) {
        return outbox.parked().stream().filter(e -> ticket.equals(e.ticketNumber())).findFirst();
    }

    private Optional<JsonNode> activeSilenceFor(String alertName) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(alertmanager.url() + "/api/v2/silences"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return StreamSupport.stream(json.readTree(answer.body()).spliterator(), false)
                .filter(s -> s.path("status").path("state").asText().equals("active"))
                .filter(s -> StreamSupport.stream(s.path("matchers").spliterator(), false)
                        .anyMatch(m -> m.path("name").asText().equals("alertname") && m.path("value").asText().equals(alertName)))
                .findFirst();
    }

    private List<String> journalLines() {
        browser.find(By.cssSelector("#journal ul.journal"));
        return browser.all(By.cssSelector("#journal ul.journal > li")).stream().map(WebElement::getText).toList();
    }

    private List<String> optionTexts(By select) {
        return browser.all(By.cssSelector("#" + browser.find(select).getAttribute("id") + " option")).stream()
                .map(WebElement::getText).toList();
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    private void awaitText(By where, String text) {
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(where, text));
    }

    private JsonNode api(String user, String method, String path, Object body) throws IOException, InterruptedException {
        String password = user.equals("admin") ? ADMIN_PASSWORD : PASSWORD;
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s %s: %s", method, path, answer.body()).isBetween(200, 299);
        return json.readTree(answer.body());
    }

    /** What a sender that is not Alertmanager (and so checks no label names) posts to the hub's webhook. */
    private void webhook(String alertName, String status) throws IOException, InterruptedException {
        boolean firing = status.equals("firing");
        Map<String, Object> alert = Map.of("status", status,
                "labels", Map.of("alertname", alertName, "instance", "legacy-box:9100", "bad-label", "legacy", "severity", "warning"),
                "annotations", Map.of("summary", alertName + " on legacy-box"),
                "startsAt", Instant.now().minusSeconds(60).toString(),
                "endsAt", firing ? "0001-01-01T00:00:00Z" : Instant.now().toString(),
                "fingerprint", "fp-" + alertName);
        String payload = json.writeValueAsString(Map.of("version", "4", "status", status, "receiver", "hub",
                "groupKey", "{}:{alertname=\"" + alertName + "\"}", "groupLabels", Map.of("alertname", alertName),
                "commonLabels", Map.of(), "commonAnnotations", Map.of(), "externalURL", "http://legacy:9093",
                "alerts", List.of(alert)));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(BASE + "/webhooks/alertmanager"))
                .header("Authorization", "Bearer " + WEBHOOK_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static String unique() {
        return Long.toString(System.nanoTime(), 36);
    }
}
