package io.itsmhub.hub.console.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsmhub.connectors.jenkins.SimulatedJob;
import io.itsmhub.core.change.ChangeForm;
import io.itsmhub.core.change.ChangeService;
import io.itsmhub.core.change.ChangeType;
import io.itsmhub.core.change.Risk;
import io.itsmhub.core.cmdb.CiClass;
import io.itsmhub.core.cmdb.CiForm;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.incident.IncidentFilter;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.hub.console.BrowserTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The release view in a real browser against the Jenkins simulator: a change manager authorises a release, a
 * release manager deploys it and watches the run on the page as Jenkins reports it (queued, building, result)
 * without reloading; a failed build shows the failure, the incident it raised and the rollback.
 */
class ReleaseViewBrowserTest extends BrowserTestSupport {

    static final String PHASE = "#live li[data-run] [data-field=phase]";
    static final String RUN_STATE = "#live li[data-run] [data-field=run-state]";
    static final String STATUS = "#live [data-field=status]";
    static final String OUTCOME = "#live [data-field=outcome]";

    @Autowired ChangeService changes;
    @Autowired CmdbService cmdb;
    @Autowired IncidentService incidents;

    @Test
    void carolAuthorisesRobDeploysAndWatchesTheRunGoFromQueuedThroughBuildingToSuccess() {
        String tag = tag();
        SimulatedJob job = jenkins.job("shop/deploy-" + tag).parameters("ITSM_CHANGE", "ITSM_VERSION", "REPLICAS")
                .holdInQueue().runFor(Duration.ofSeconds(8)).estimatedDuration(Duration.ofSeconds(8));
        String ci = as("alice", "AGENT", () -> cmdb.create(new CiForm("shop-web-" + tag, CiClass.APPLICATION, null, null,
                null, Map.of("version", "3.0.9")))).number();
        Instant now = Instant.now();
        String number = releaseChange("shop-web 3.1.0 " + tag, job.fullName(), ci, now.minus(1, ChronoUnit.MINUTES), null);
        String later = releaseChange("shop-web 3.2.0 " + tag, job.fullName(), ci, now.plus(1, ChronoUnit.DAYS), null);

        // the list: this window is open now, the other one is still to come
        browser.login("carol", PASSWORD);
        browser.go("/releases");
        assertThat(browser.text(By.cssSelector("[data-section=open] tr[data-change='" + number + "']")))
                .contains("shop-web 3.1.0 " + tag).contains("Assessment").contains("Normal").contains("Medium")
                .contains("shop-web-" + tag).contains("3.1.0");
        assertThat(browser.text(By.cssSelector("[data-section=upcoming] tr[data-change='" + later + "']"))).contains("3.2.0");
        assertThat(browser.all(By.cssSelector("[data-section=open] tr[data-change='" + later + "']"))).isEmpty();
        browser.screenshot("releases");
        browser.checkPhoneWidth("releases");
        browser.click(By.cssSelector("[data-tab=upcoming]"));
        assertThat(browser.all(By.cssSelector("tr[data-change='" + number + "']"))).as("the upcoming tab").isEmpty();
        assertThat(browser.all(By.cssSelector("tr[data-change='" + later + "']"))).hasSize(1);

        // rob may deploy but not authorise: no button, and a forged form is refused
        browser.login("rob", PASSWORD);
        browser.go("/releases/" + number);
        assertThat(live(STATUS)).isEqualTo("Assessment");
        assertThat(browser.all(By.cssSelector("[data-action=authorise]"))).isEmpty();
        browser.script("var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                + "var t = document.createElement('input'); t.type = 'hidden'; t.name = '_csrf';"
                + "t.value = document.querySelector('meta[name=_csrf]').content; f.appendChild(t);"
                + "document.body.appendChild(f); f.submit();", "/releases/" + number + "/authorise");
        eventually(Duration.ofSeconds(10), () -> "Not allowed".equals(live("h1")));
        assertThat(changes.get(number).status().name()).isEqualTo("ASSESS");

        // carol authorises it with a comment; the page says who did
        browser.login("carol", PASSWORD);
        browser.go("/releases/" + number);
        assertThat(browser.text(By.cssSelector("[data-field=targets] a"))).isEqualTo("shop-web-" + tag);
        assertThat(browser.find(By.cssSelector("[data-field=targets] a")).getAttribute("href")).endsWith("/cmdb/" + ci);
        browser.type(By.id("authorise-comment"), "CAB: go for tonight");
        browser.click(By.cssSelector("[data-action=authorise] button"));
        assertThat(browser.text(By.cssSelector(".flash.notice"))).isEqualTo(number + " is authorised.");
        assertThat(live(STATUS)).isEqualTo("Authorised");
        assertThat(browser.text(By.cssSelector("[data-field=authorisedBy]"))).isEqualTo("carol");
        assertThat(browser.text(By.cssSelector("ul.journal"))).contains("authorise: CAB: go for tonight");

        // rob deploys and watches, on the same page, the run go through Jenkins
        browser.login("rob", PASSWORD);
        browser.go("/releases/" + number);
        browser.click(By.cssSelector("[data-action=deploy] button"));
        assertThat(browser.text(By.cssSelector(".flash.notice"))).isEqualTo("The pipeline of " + number + " is handed to Jenkins.");
        browser.script("window.samePage = 'yes'");
        eventually(Duration.ofSeconds(15), () -> live(PHASE).startsWith("queued: Waiting for next available executor"));
        assertThat(live(RUN_STATE)).isEqualTo("Queued");
        assertThat(live(STATUS)).isEqualTo("Implementing");
        assertThat(browser.script("return document.getElementById('live').getAttribute('hx-trigger')")).isEqualTo("every 2s");
        browser.screenshot("release-queued");

        job.release();
        eventually(Duration.ofSeconds(15), () -> live(PHASE).startsWith("building #1 for"));
        assertThat(live(PHASE)).contains("of about 8s");
        assertThat(live(RUN_STATE)).isEqualTo("Building");
        assertThat(browser.all(By.cssSelector("#live li[data-run] progress"))).as("a progress bar").hasSize(1);
        assertThat(browser.script("return document.querySelector('#live a.jenkins').href"))
                .isEqualTo(jenkins.url() + "job/shop/job/deploy-" + tag + "/1/");
        assertThat(live("#live a.jenkins")).isEqualTo("Open in Jenkins");
        browser.screenshot("release-running");
        browser.checkPhoneWidth("release-running");

        eventually(Duration.ofSeconds(30), () -> live(PHASE).startsWith("finished: SUCCESS (#1)"));
        assertThat(live(RUN_STATE)).isEqualTo("Success");
        assertThat(live(STATUS)).isEqualTo("Review");
        assertThat(live(OUTCOME)).isEqualTo("Successful");
        assertThat(browser.script("return document.getElementById('live').getAttribute('hx-trigger')")).as("nothing runs, nothing polls").isNull();
        assertThat(browser.script("return window.samePage")).as("no reload").isEqualTo("yes");
        assertThat(browser.text(By.cssSelector("ul.journal")))
                .contains("Deployment of shop/deploy-" + tag + " finished: SUCCESS (build #1)")
                .contains("CMDB: version 3.1.0 recorded on " + ci);
        assertThat(browser.all(By.cssSelector("[data-action=deploy], [data-action=abort], [data-action=rollback]"))).isEmpty();
        assertThat(browser.text(By.cssSelector("[data-field=no-incidents]"))).isEqualTo("No incident is linked to this change.");
        browser.screenshot("release-done");
        browser.checkPhoneWidth("release-done");
        assertThat(job.triggers()).singleElement().satisfies(t -> assertThat(t.parameters())
                .containsEntry("ITSM_CHANGE", number).containsEntry("ITSM_VERSION", "3.1.0"));

        browser.go("/releases?tab=open");
        assertThat(browser.text(By.cssSelector("tr[data-change='" + number + "']"))).contains("Review").contains("Successful")
                .contains("Success").contains("finished: SUCCESS (#1)");
    }

    @Test
    void aFailedBuildShowsTheFailureTheIncidentItRaisedAndTheRollback() {
        String tag = tag();
        SimulatedJob deploy = jenkins.job("shop/deploy-broken-" + tag).parameters("ITSM_CHANGE", "ITSM_VERSION", "REPLICAS")
                .runFor(Duration.ofSeconds(1)).result("FAILURE");
        SimulatedJob rollback = jenkins.job("shop/rollback-" + tag).parameters("ITSM_CHANGE", "ITSM_VERSION", "REPLICAS")
                .runFor(Duration.ofSeconds(1));
        String ci = as("alice", "AGENT", () -> cmdb.create(new CiForm("shop-api-" + tag, CiClass.APPLICATION, null, null,
                null, Map.of()))).number();
        String number = releaseChange("shop-api 7.0.0 " + tag, deploy.fullName(), ci,
                Instant.now().minus(5, ChronoUnit.MINUTES), rollback.fullName());
        as("carol", "CHANGE_MANAGER", () -> changes.authorise(number, "CAB ok"));

        browser.login("rob", PASSWORD);
        browser.go("/releases/" + number);
        browser.click(By.cssSelector("[data-action=deploy] button"));
        assertThat(browser.text(By.cssSelector(".flash.notice"))).isEqualTo("The pipeline of " + number + " is handed to Jenkins.");
        browser.script("window.samePage = 'yes'");
        eventually(Duration.ofSeconds(30), () -> live(PHASE).startsWith("finished: FAILURE (#1)"));
        assertThat(live(RUN_STATE)).isEqualTo("Failure");
        assertThat(browser.script("return document.querySelector('#live li[data-run]').className")).asString().contains("failed");
        assertThat(live(OUTCOME)).isEqualTo("Failed");

        IncidentView raised = incidents.list(new IncidentFilter(null, null, null, null, null, null, null, null, number),
                Pageable.unpaged()).items().get(0);
        assertThat(browser.text(By.cssSelector(".watch [data-incident='" + raised.number() + "']")))
                .contains(raised.number()).contains("P2").contains("Deployment of " + number + " failed");
        assertThat(browser.all(By.cssSelector(".watch [data-incident] a"))).as("rob is no agent: no link to the agent console")
                .isEmpty();
        assertThat(browser.script("return window.samePage")).as("no reload").isEqualTo("yes");
        browser.script("document.querySelector('#live .watch').scrollIntoView({block: 'center'})");
        browser.screenshot("release-failed");
        browser.checkPhoneWidth("release-failed");

        // the rollback button came with the failure; its run is followed the same way
        browser.click(By.cssSelector("[data-action=rollback] button"));
        assertThat(browser.text(By.cssSelector(".flash.notice"))).isEqualTo("The rollback pipeline of " + number + " is handed to Jenkins.");
        eventually(Duration.ofSeconds(30), () -> browser.all(By.cssSelector("#live li[data-run]")).size() == 2
                && live("#live li[data-run]:nth-child(2) [data-field=phase]").startsWith("finished: SUCCESS"));
        assertThat(live("#live li[data-run]:nth-child(2)")).startsWith("Rollback");
        assertThat(browser.all(By.cssSelector("[data-action=rollback]"))).as("a rollback runs once").isEmpty();
        assertThat(rollback.triggers()).hasSize(1);

        // an agent follows the incident into the agent console
        browser.login("carol", PASSWORD);
        browser.go("/releases/" + number);
        assertThat(browser.find(By.cssSelector(".watch [data-incident='" + raised.number() + "'] a")).getAttribute("href"))
                .endsWith("/agent/incidents/" + raised.number());
        browser.go("/releases/" + number + "?lang=zh-CN");
        assertThat(browser.text(By.id("watch-title"))).isEqualTo("发布后观察");
        assertThat(live(OUTCOME)).isEqualTo("失败");
    }

    @Test
    void aReleaseCancelledWithAReasonIsClosedAndOffersNothingMore() {
        String tag = tag();
        String ci = as("alice", "AGENT", () -> cmdb.create(new CiForm("shop-cart-" + tag, CiClass.APPLICATION, null, null,
                null, Map.of()))).number();
        String number = releaseChange("shop-cart 1.0.0 " + tag, "shop/deploy-cart-" + tag, ci,
                Instant.now().plus(2, ChronoUnit.HOURS), null);

        browser.login("carol", PASSWORD);
        browser.go("/releases/" + number);
        assertThat(browser.all(By.cssSelector("[data-action=deploy]"))).as("its window is still to come").isEmpty();
        browser.click(By.cssSelector("[data-action=cancel] summary"));
        browser.type(By.id("cancel-reason"), "superseded by the vendor's hotfix");
        browser.click(By.cssSelector("[data-action=cancel] button"));
        assertThat(browser.text(By.cssSelector(".flash.notice"))).isEqualTo(number + " is cancelled.");
        assertThat(live(STATUS)).isEqualTo("Closed");
        assertThat(live(OUTCOME)).isEqualTo("Cancelled");
        assertThat(browser.text(By.id("journal"))).contains("cancel: superseded by the vendor's hotfix");
        assertThat(browser.all(By.cssSelector(".change-actions"))).as("nothing left to decide").isEmpty();
    }

    /**
     * The text of the first element matching {@code css}, read in one step: the live part of the page is replaced
     * every two seconds, so an element found first and read afterwards may be gone in between. Null when absent.
     */
    private String live(String css) {
        Object text = browser.script("var e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : null;", css);
        return text == null ? "" : text.toString();
    }

    private void eventually(Duration timeout, java.util.function.BooleanSupplier condition) {
        browser.waitFor(timeout).until(d -> condition.getAsBoolean());
    }

    /** A normal release change requested by rob and sent to assessment, with its window from {@code start} for 2 h. */
    private String releaseChange(String title, String pipeline, String ci, Instant start, String rollbackPipeline) {
        return as("rob", "RELEASE_MANAGER", () -> {
            String number = changes.create(new ChangeForm(title, "Rolling update, two replicas at a time.", ChangeType.NORMAL,
                    Risk.MEDIUM, null, null, start, start.plus(2, ChronoUnit.HOURS), pipeline, Map.of("REPLICAS", 2),
                    title.split(" ")[1], Set.of(ci), rollbackPipeline, null)).number();
            changes.assess(number);
            return number;
        });
    }

    /** Runs core calls as that user, as the API would after signing them in. */
    static <T> T as(String user, String role, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
