package io.itsmhub.hub.console.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsmhub.hub.console.BrowserTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The requester's loop in a real browser: rita orders a VM from the catalog with its form, her manager approves it
 * in his approvals list, and her request page follows it to Fulfilled by itself — through the Kubernetes API
 * simulator and the real ansible-playbook, without a reload.
 */
class PortalBrowserTest extends BrowserTestSupport {

    @Test
    void aVmOrderedInThePortalIsApprovedByTheManagerAndReachesFulfilledWhileTheRequesterWatches() {
        browser.login("rita", PASSWORD);
        browser.screenshot("portal-catalog");
        browser.checkPhoneWidth("portal-catalog");
        browser.click(By.cssSelector("[data-item=linux-vm] a.button"));
        browser.screenshot("portal-order");
        browser.checkPhoneWidth("portal-order");

        // the browser refuses an empty form by itself...
        browser.click(By.cssSelector("#order-form button[type=submit]"));
        assertThat(browser.path()).isEqualTo("/portal/order/linux-vm");
        assertThat((Boolean) browser.script("return document.getElementById('order-form').checkValidity()")).isFalse();
        // ...and the hub refuses it too when a browser does not check: the errors stand next to their fields
        browser.script("document.querySelectorAll('#order-form [required]').forEach(e => e.removeAttribute('required'))");
        browser.type(By.id("f.count"), "0");
        browser.script("document.getElementById('f.count').removeAttribute('min')");
        browser.click(By.cssSelector("#order-form button[type=submit]"));
        assertThat(browser.text(By.cssSelector("[data-error-for=count]"))).isEqualTo("must be at least 1");
        assertThat(browser.text(By.cssSelector("[data-error-for=costCentre]"))).isEqualTo("is required");
        assertThat(browser.find(By.id("f.count")).getAttribute("value")).as("input kept").isEqualTo("0");

        fillVmOrder();
        // the price follows the choices as they are made: 1 x (10 + 2 x 8 + 4 x 3 + 20 x 0.10 + nginx 5)
        browser.waitUntil(d -> browser.text(By.id("estimate")).contains("45.00"));
        browser.click(By.cssSelector("#order-form button[type=submit]"));
        browser.waitUntil(d -> browser.path().startsWith("/portal/requests/REQ"));
        String number = browser.path().substring("/portal/requests/".length());
        assertThat(browser.text(By.cssSelector("#progress [data-status]"))).isEqualTo("Awaiting approval");
        assertThat(browser.text(By.id("now"))).contains("Waiting for approval by").contains("mike");
        assertThat(browser.text(By.id("sla-left"))).matches("\\dh \\d\\dm left");
        browser.screenshot("portal-request-awaiting");

        // the manager approves it from his list
        browser.login("mike", PASSWORD);
        browser.go("/approvals");
        WebElement card = browser.find(By.cssSelector("article[data-number=" + number + "]"));
        assertThat(card.getText()).contains("rita").contains("nginx");
        browser.screenshot("approvals");
        browser.checkPhoneWidth("approvals");
        card.findElement(By.tagName("textarea")).sendKeys("fine for dev");
        card.findElement(By.cssSelector("button.primary")).click();
        assertThat(browser.text(By.cssSelector(".flash.notice"))).contains("Approved");
        assertThat(browser.all(By.cssSelector("article[data-number=" + number + "]"))).isEmpty();

        // rita watches her request move on: the page updates itself (a marker set in the page survives)
        browser.login("rita", PASSWORD);
        browser.go("/portal/requests/" + number);
        browser.script("window.noReloadMarker = 'still here'");
        browser.waitFor(Duration.ofSeconds(60)).until(d -> browser.text(By.cssSelector("#progress [data-status]"))
                .matches("In fulfilment|Approved"));
        browser.screenshot("portal-request-fulfilling");
        browser.waitFor(Duration.ofMinutes(3)).until(d -> "Fulfilled".equals(
                browser.text(By.cssSelector("#progress [data-status]"))));
        assertThat(browser.script("return window.noReloadMarker")).isEqualTo("still here");
        assertThat(browser.all(By.cssSelector("#timeline li")).stream().map(li -> li.getAttribute("data-state")))
                .as("every step done").containsOnly("done");
        assertThat(browser.text(By.id("timeline"))).contains("Approved by mike").contains("Creating the VMs")
                .contains("Installing the software").contains("Registering in the CMDB").contains("Fulfilled");
        assertThat(browser.find(By.id("progress")).getAttribute("hx-trigger")).as("polling stops at the end").isNull();
        browser.screenshot("portal-request-fulfilled");
        browser.checkPhoneWidth("portal-request");

        browser.go("/portal/requests");
        assertThat(browser.text(By.cssSelector("#my-requests tr[data-number=" + number + "]"))).contains("Fulfilled");
        browser.screenshot("portal-my-requests");
        browser.checkPhoneWidth("portal-my-requests");
    }

    @Test
    void aRequesterCannotApproveAndSeesNoApprovalsPage() {
        browser.login("rita", PASSWORD);
        assertThat(browser.all(By.cssSelector("[data-nav=approvals]"))).isEmpty();
        browser.go("/approvals");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not allowed");
    }

    private void fillVmOrder() {
        browser.type(By.id("f.count"), "1").type(By.id("f.cpu"), "2").type(By.id("f.memoryGb"), "4")
                .type(By.id("f.diskGb"), "20").type(By.id("f.costCentre"), "CC-42")
                .type(By.id("f.justification"), "a dev box for the payments team");
        new Select(browser.find(By.id("f.image"))).selectByValue("debian-12");
        new Select(browser.find(By.id("f.environment"))).selectByValue("dev");
        browser.click(By.cssSelector("input[name='f.software'][value=nginx]"));
    }
}
