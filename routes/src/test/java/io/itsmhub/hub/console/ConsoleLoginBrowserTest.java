package io.itsmhub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.openqa.selenium.By;

/** Signing in and out, the language switch and the role-dependent start page, in a real browser. */
class ConsoleLoginBrowserTest extends BrowserTestSupport {

    @Autowired TestRestTemplate http;

    @Test
    void aWrongPasswordIsRefusedWithAMessageAndTheRightOneOpensTheUsersStartPage() {
        browser.go("/portal");
        assertThat(browser.path()).as("pages need a login").isEqualTo("/login");
        browser.type(By.id("username"), "rita").type(By.id("password"), "not-her-password")
                .click(By.cssSelector("form button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".flash.error"))).isEqualTo("Wrong user name or password.");
        browser.screenshot("login");
        browser.checkPhoneWidth("login");

        browser.login("rita", PASSWORD);
        assertThat(browser.path()).isEqualTo("/portal");
        assertThat(browser.all(By.cssSelector("[data-nav=agent]"))).as("a requester sees no agent console").isEmpty();
        browser.go("/agent");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not allowed");

        browser.login("alice", PASSWORD);
        assertThat(browser.path()).as("an agent starts in the agent console").isEqualTo("/agent");
    }

    @Test
    void theLanguageSwitchTurnsThePagesIntoChineseAndBack() {
        browser.login("rita", PASSWORD);
        browser.click(By.cssSelector(".lang a[lang=zh-CN]"));
        assertThat(browser.text(By.cssSelector("[data-nav=my-requests]"))).isEqualTo("我的请求");
        browser.go("/portal/requests");
        assertThat(browser.text(By.cssSelector("[data-nav=my-requests]"))).as("the choice is remembered").isEqualTo("我的请求");
        browser.click(By.cssSelector(".lang a[lang=en]"));
        assertThat(browser.text(By.cssSelector("[data-nav=my-requests]"))).isEqualTo("My requests");
    }

    @Test
    void aBrowserThatAsksForChineseGetsChinesePages() {
        try (Browser chinese = Browser.open(BASE, "zh-CN")) {
            chinese.go("/login");
            assertThat(chinese.text(By.tagName("h1"))).isEqualTo("登录");
            chinese.login("rita", PASSWORD);
            assertThat(chinese.text(By.tagName("h1"))).isEqualTo("您需要什么？");
            chinese.screenshot("portal-catalog-zh");
        }
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefusedEvenWithAValidSession() throws Exception {
        browser.login("rita", PASSWORD);
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(BASE + "/portal/requests/REQ-000001/cancel"))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("reason=forged")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void aLivePageWhoseSessionRanOutGoesToTheLoginInsteadOfShowingItInsideThePage() {
        String number = orderPasswordReset();
        browser.login("rita", PASSWORD);
        browser.go("/portal/requests/" + number);
        assertThat(browser.find(By.id("progress")).getAttribute("hx-trigger")).isEqualTo("every 2s");
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.waitUntil(d -> browser.path().equals("/login"));
        assertThat(browser.all(By.id("progress"))).isEmpty();
    }

    @Test
    void aTicketLinkFromAMailOpensThePageThatFitsWhoeverFollowsIt() {
        String number = orderPasswordReset();
        browser.driver().manage().deleteAllCookies();
        browser.go("/t/" + number);
        assertThat(browser.path()).isEqualTo("/login");
        browser.type(By.id("username"), "rita").type(By.id("password"), PASSWORD)
                .click(By.cssSelector("form button[type=submit]"));
        browser.waitUntil(d -> browser.path().equals("/portal/requests/" + number));

        browser.login("alice", PASSWORD);
        browser.go("/t/" + number);
        assertThat(browser.path()).as("an agent gets the ticket view").isEqualTo("/agent/requests/" + number);
    }

    @Test
    void signingOutEndsTheSession() {
        browser.login("rita", PASSWORD);
        browser.click(By.cssSelector(".who form button"));
        assertThat(browser.text(By.cssSelector(".flash.notice"))).isEqualTo("You are signed out.");
        browser.go("/portal/requests");
        assertThat(browser.path()).isEqualTo("/login");
    }

    private String orderPasswordReset() {
        ResponseEntity<String> ordered = http.withBasicAuth("rita", PASSWORD).postForEntity("/api/v1/requests",
                Map.of("catalogItem", "password-reset", "values", Map.of(), "currentPassword", PASSWORD), String.class);
        assertThat(ordered.getStatusCode().value()).isEqualTo(201);
        return ordered.getHeaders().getLocation().getPath().replaceAll(".*/", "");
    }
}
