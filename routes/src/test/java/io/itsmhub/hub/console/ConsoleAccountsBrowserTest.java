package io.itsmhub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The console's sessions follow the account: a person an administrator deactivates is out on their next click, a
 * role taken away is gone at once, and too many failed sign-ins are refused with a message saying how long to wait.
 * Each test has an account of its own, so that the shared browser hub's demo users are never throttled.
 */
class ConsoleAccountsBrowserTest extends BrowserTestSupport {

    @Autowired TestRestTemplate http;

    @Test
    void aPersonDeactivatedByAnAdminLosesTheirConsoleSessionOnTheNextClick() {
        saveUser("sam.console", "REQUESTER");
        browser.login("sam.console", PASSWORD);
        browser.go("/portal/requests");
        assertThat(browser.path()).isEqualTo("/portal/requests");

        ResponseEntity<String> deactivated = admin().postForEntity("/api/v1/users/sam.console/deactivate", null, String.class);
        assertThat(deactivated.getStatusCode()).isEqualTo(HttpStatus.OK);
        browser.go("/portal/requests");
        assertThat(browser.path()).isEqualTo("/login");

        assertThat(admin().postForEntity("/api/v1/users/sam.console/activate", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        browser.go("/portal/requests");
        assertThat(browser.path()).as("the ended session stays ended; signing in again is needed").isEqualTo("/login");
    }

    @Test
    void aRoleTakenAwayIsGoneFromTheOpenSessionAtOnce() {
        saveUser("agatha.console", "AGENT");
        browser.login("agatha.console", PASSWORD);
        browser.go("/agent");
        assertThat(browser.text(By.tagName("h1"))).isNotEqualTo("Not allowed");

        saveUser("agatha.console", "REQUESTER");
        browser.go("/agent");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not allowed");
    }

    @Test
    void tooManyFailedSignInsAreRefusedWithAMessageEvenWithTheRightPassword() {
        saveUser("theo.console", "REQUESTER");
        browser.driver().manage().deleteAllCookies();
        for (int i = 0; i < 5; i++) {
            signIn("theo.console", "not-theos-password-" + i);
            assertThat(browser.text(By.cssSelector(".flash.error"))).isEqualTo("Wrong user name or password.");
        }
        signIn("theo.console", PASSWORD);
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.text(By.cssSelector(".flash.error")))
                .isEqualTo("Too many failed sign-ins for this account or from this address. Try again in 15 minutes.");
        browser.screenshot("login-throttled");
    }

    private void signIn(String username, String password) {
        browser.go("/login");
        browser.type(By.id("username"), username).type(By.id("password"), password)
                .click(By.cssSelector("form button[type=submit]"));
        browser.waitUntil(d -> browser.driver().getCurrentUrl().contains("?"));
    }

    private void saveUser(String username, String role) {
        admin().put("/api/v1/users/" + username, Map.of("username", username, "displayName", username,
                "password", PASSWORD, "roles", List.of(role)));
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ADMIN_PASSWORD);
    }
}
