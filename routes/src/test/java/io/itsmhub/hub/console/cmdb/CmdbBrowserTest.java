package io.itsmhub.hub.console.cmdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsmhub.core.change.ChangeForm;
import io.itsmhub.core.change.ChangeService;
import io.itsmhub.core.change.ChangeType;
import io.itsmhub.core.change.Risk;
import io.itsmhub.core.cmdb.CiClass;
import io.itsmhub.core.cmdb.CiForm;
import io.itsmhub.core.cmdb.CiView;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.cmdb.RelationType;
import io.itsmhub.core.incident.IncidentForm;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.core.common.Priority;
import io.itsmhub.hub.console.BrowserTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The CMDB pages in a real browser: searching, a CI's attributes, its relations drawn by ECharts and listed,
 * its incidents, and moving through the graph by the list and by clicking a node on the canvas.
 */
class CmdbBrowserTest extends BrowserTestSupport {

    @Autowired CmdbService cmdb;
    @Autowired IncidentService incidents;
    @Autowired ChangeService changes;

    @Test
    void aCiShowsItsAttributesRelationsAsGraphAndListAndItsIncidentsAndLeadsToWhatItNeeds() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Landscape orders = as("alice", "AGENT", () -> Landscape.create(cmdb, tag));
        IncidentView apiIncident = as("alice", "AGENT", () -> incidents.create(new IncidentForm("orders-api answers 502 " + tag,
                null, Priority.Level.HIGH, Priority.Level.HIGH, null, null, null, orders.api().number(), null, null, null)));
        String dbIncident = as("alice", "AGENT", () -> incidents.create(new IncidentForm("replication lag on orders-db " + tag,
                null, Priority.Level.LOW, Priority.Level.MEDIUM, null, null, null, orders.db().number(), null, null, null))).number();

        String change = as("rob", "RELEASE_MANAGER", () -> changes.create(new ChangeForm("orders-api 1.5.0 " + tag, null,
                ChangeType.NORMAL, Risk.LOW, null, null, null, null, null, null, "1.5.0", Set.of(orders.api().number()), null,
                null))).number();

        browser.login("alice", PASSWORD);
        browser.go("/cmdb");
        browser.type(By.id("name"), tag).click(By.cssSelector("form.search button[type=submit]"));
        assertThat(browser.text(By.cssSelector("[data-field=count]"))).isEqualTo("4 CIs");
        assertThat(browser.all(By.cssSelector("table.cis tbody tr"))).extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row).contains("orders-api-" + tag).contains("Application").contains("Operational"));
        browser.screenshot("cmdb-search");
        browser.checkPhoneWidth("cmdb-search");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("ciClass"))).selectByValue("DATABASE");
        browser.click(By.cssSelector("form.search button[type=submit]"));
        assertThat(browser.text(By.cssSelector("[data-field=count]"))).isEqualTo("One CI");

        browser.go("/cmdb?name=" + tag);
        browser.click(By.linkText("orders-api-" + tag));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("orders-api-" + tag + " " + orders.api().number());
        assertThat(browser.text(By.cssSelector("[data-attribute=version]"))).isEqualTo("1.4.2");
        assertThat(browser.text(By.cssSelector("[data-attribute=repository]"))).isEqualTo("git.example.com/shop/orders-api");
        assertThat(browser.text(By.cssSelector("[data-field=class]"))).isEqualTo("Application");
        assertThat(browser.all(By.cssSelector("ul.relations li"))).extracting(WebElement::getText).containsExactly(
                "Orders-" + tag + " depends on orders-api-" + tag,
                "orders-api-" + tag + " depends on orders-db-" + tag,
                "orders-api-" + tag + " runs on orders-vm-" + tag,
                "orders-vm-" + tag + " is hosted on k8s-prod");
        assertThat(browser.text(By.cssSelector("[data-list=needs]"))).contains("orders-db-" + tag).contains("orders-vm-" + tag)
                .contains("k8s-prod");
        assertThat(browser.text(By.cssSelector("[data-list=needed-by]"))).contains("Orders-" + tag);
        WebElement canvas = browser.waitFor(Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#ci-graph canvas")).stream().findFirst().orElse(null));
        assertThat(canvas.getSize().getWidth()).isGreaterThan(300);
        assertThat(nodeNames()).containsExactlyInAnyOrder("orders-api-" + tag, "orders-db-" + tag, "orders-vm-" + tag,
                "k8s-prod", "Orders-" + tag);
        assertThat(browser.text(By.cssSelector("[data-section=incidents] tr[data-incident='" + apiIncident.number() + "']")))
                .contains(apiIncident.priority().name()).contains("orders-api answers 502 " + tag);
        assertThat(browser.find(By.cssSelector("[data-incident='" + apiIncident.number() + "'] a")).getAttribute("href"))
                .endsWith("/agent/incidents/" + apiIncident.number());
        assertThat(browser.all(By.cssSelector("[data-incident='" + dbIncident + "']"))).as("only this CI's incidents").isEmpty();
        assertThat(browser.text(By.cssSelector("[data-section=changes] tr[data-change='" + change + "']")))
                .contains("orders-api 1.5.0 " + tag).contains("New");
        browser.screenshot("cmdb-ci");
        browser.checkPhoneWidth("cmdb-ci");
        browser.script("document.getElementById('ci-graph').scrollIntoView({block: 'start'})");
        browser.screenshot("cmdb-ci-graph");
        browser.checkPhoneWidth("cmdb-ci-graph");
        openedOnAPhone(() -> {
            double drawn = ((Number) browser.waitFor(Duration.ofSeconds(10)).until(d -> browser.script(
                    "var c = document.querySelector('#ci-graph canvas'); return c ? c.getBoundingClientRect().width : null;")))
                    .doubleValue();
            assertThat(drawn).as("the graph is as wide as the phone's page, no wider")
                    .isGreaterThan(300).isLessThanOrEqualTo(((Number) browser.script("return document.documentElement.clientWidth")).doubleValue());
            browser.script("document.getElementById('ci-graph').scrollIntoView({block: 'start'})");
            browser.screenshot("cmdb-ci-graph-on-phone");
        });
        browser.waitUntil(d -> ((Number) browser.script(
                "return document.querySelector('#ci-graph canvas').getBoundingClientRect().width")).doubleValue() > 390);

        // through the list to a dependency
        browser.click(By.cssSelector("ul.relations a[href$='/cmdb/" + orders.db().number() + "']"));
        assertThat(browser.path()).isEqualTo("/cmdb/" + orders.db().number());
        assertThat(browser.text(By.cssSelector("[data-attribute=engine]"))).isEqualTo("postgresql");
        assertThat(browser.text(By.cssSelector("[data-section=incidents]"))).contains(dbIncident)
                .contains("replication lag on orders-db " + tag).doesNotContain(apiIncident.number());
        assertThat(browser.text(By.cssSelector("[data-list=needed-by]"))).contains("orders-api-" + tag).contains("Orders-" + tag);

        // and through the graph: a click on a node opens that CI
        browser.waitFor(Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#ci-graph canvas")).isEmpty());
        clickNode("Orders-" + tag);
        browser.waitUntil(d -> browser.path().equals("/cmdb/" + orders.service().number()));
        assertThat(browser.text(By.tagName("h1"))).startsWith("Orders-" + tag);
        assertThat(browser.text(By.cssSelector("[data-field=class]"))).isEqualTo("Service");
    }

    @Test
    void aCiWithoutRelationsSaysSoAndDrawsNoGraph() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        CiView lonely = as("alice", "AGENT", () -> cmdb.create(new CiForm("lonely-" + tag, CiClass.HOST, null, null, null, Map.of())));
        browser.login("rob", PASSWORD);
        browser.go("/cmdb/" + lonely.number());
        assertThat(browser.text(By.cssSelector("[data-field=no-relations]"))).isEqualTo("This CI has no relations.");
        assertThat(browser.all(By.id("ci-graph"))).isEmpty();
        assertThat(browser.text(By.cssSelector("[data-section=incidents]"))).contains("No incident names this CI.");
        browser.go("/cmdb/" + lonely.number() + "?lang=zh-CN");
        assertThat(browser.text(By.cssSelector("[data-field=no-relations]"))).isEqualTo("此配置项没有关系。");
        assertThat(browser.text(By.cssSelector("[data-field=class]"))).isEqualTo("主机");
        browser.go("/cmdb/CI-999999999?lang=en");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not found");
    }

    /** Loads the current page again in a phone-sized window, as a phone would draw it, then back to the desktop. */
    private void openedOnAPhone(Runnable check) {
        Dimension desktop = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            browser.driver().navigate().refresh();
            check.run();
        } finally {
            browser.driver().manage().window().setSize(desktop);
        }
    }

    /** The names of the graph's nodes, as ECharts holds them. */
    @SuppressWarnings("unchecked")
    private List<String> nodeNames() {
        return (List<String>) browser.script("var chart = echarts.getInstanceByDom(document.getElementById('ci-graph'));"
                + "var data = chart.getModel().getSeriesByIndex(0).getData(); var names = [];"
                + "for (var i = 0; i < data.count(); i++) { names.push(data.getName(i)); } return names;");
    }

    /** A real mouse click where ECharts drew the node named {@code name}. */
    @SuppressWarnings("unchecked")
    private void clickNode(String name) {
        // Selenium aims from the centre of the element's visible part: the whole chart must be in view
        browser.script("document.getElementById('ci-graph').scrollIntoView({block: 'center'})");
        List<Number> at = (List<Number>) browser.script("var chart = echarts.getInstanceByDom(document.getElementById('ci-graph'));"
                + "var data = chart.getModel().getSeriesByIndex(0).getData();"
                + "return chart.convertToPixel({seriesIndex: 0}, data.getItemLayout(data.indexOfName(arguments[0])));", name);
        WebElement chart = browser.find(By.id("ci-graph"));
        int dx = (int) Math.round(at.get(0).doubleValue() - chart.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(at.get(1).doubleValue() - chart.getSize().getHeight() / 2.0);
        new Actions(browser.driver()).moveToElement(chart, dx, dy).click().perform();
    }

    /** Orders: a service that depends on an application that runs on a VM hosted on the demo cluster and uses a database. */
    record Landscape(CiView service, CiView api, CiView vm, CiView db) {

        static Landscape create(CmdbService cmdb, String tag) {
            CiView db = cmdb.create(new CiForm("orders-db-" + tag, CiClass.DATABASE, null, null, null,
                    Map.of("engine", "postgresql", "version", "16.4")));
            CiView vm = cmdb.create(new CiForm("orders-vm-" + tag, CiClass.VM, null, null, null, Map.of("ip", "10.0.20.5")));
            CiView api = cmdb.create(new CiForm("orders-api-" + tag, CiClass.APPLICATION, null, null, "Order intake and tracking",
                    Map.of("version", "1.4.2", "repository", "git.example.com/shop/orders-api")));
            CiView service = cmdb.create(new CiForm("Orders-" + tag, CiClass.SERVICE, null, null, null, Map.of("tier", "gold")));
            String cluster = cmdb.findByName("k8s-prod").orElseThrow().number();
            cmdb.relate(api.number(), RelationType.RUNS_ON, vm.number());
            cmdb.relate(api.number(), RelationType.DEPENDS_ON, db.number());
            cmdb.relate(vm.number(), RelationType.HOSTED_ON, cluster);
            cmdb.relate(service.number(), RelationType.DEPENDS_ON, api.number());
            return new Landscape(service, api, vm, db);
        }
    }

    static <T> T as(String user, String role, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
