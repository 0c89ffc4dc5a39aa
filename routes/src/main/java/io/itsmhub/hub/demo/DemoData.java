package io.itsmhub.hub.demo;

import io.itsmhub.core.change.ChangeTemplateForm;
import io.itsmhub.core.change.ChangeTemplates;
import io.itsmhub.core.change.Risk;
import io.itsmhub.core.cmdb.CiClass;
import io.itsmhub.core.cmdb.CiForm;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.cmdb.RelationType;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.PersonForm;
import io.itsmhub.core.people.Role;
import io.itsmhub.core.request.catalog.CatalogService;
import io.itsmhub.core.security.RunAs;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import io.itsmhub.core.desk.DeskForm;
import io.itsmhub.core.desk.DeskRouting;
import io.itsmhub.core.desk.DeskService;
import io.itsmhub.core.desk.RoutingRule;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A small demo for a first start on an empty database: groups, one user per role, a payments service with
 * its CIs and relations, and two catalog items. Off with {@code hub.demo.enabled=false}.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final PeopleService people;
    private final CmdbService cmdb;
    private final CatalogService catalog;
    private final ChangeTemplates templates;
    private final DeskService desks;
    private final DeskRouting routing;
    private final String configuredPassword;

    DemoData(PeopleService people, CmdbService cmdb, CatalogService catalog, ChangeTemplates templates,
             DeskService desks, DeskRouting routing, @Value("${hub.demo.password:}") String configuredPassword) {
        this.people = people;
        this.desks = desks;
        this.routing = routing;
        this.cmdb = cmdb;
        this.catalog = catalog;
        this.templates = templates;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!catalog.isEmpty()) {
            return; // not an empty database: never touch real data
        }
        String password = configuredPassword.isBlank() ? generated() : configuredPassword;
        groups();
        users(password);
        branch(password);
        Map<String, String> cis = cis();
        templates.create(new ChangeTemplateForm("payments-api-deploy", "Deploy payments-api",
                "Rolling deployment of payments-api to production; pre-approved as a standard change.", Risk.LOW,
                "payments/deploy-prod", Map.of("REPLICAS", 2), "payments/rollback-prod", Set.of(cis.get("payments-api"))));
        // drafted by the demo seed ("system"), approved by carol: a template is never approved by its author
        RunAs.person(people.find("carol").orElseThrow(), () -> templates.approve("payments-api-deploy"));
        DemoCatalog.items().forEach(catalog::save);
        if (configuredPassword.isBlank()) {
            log.warn("Demo users rita (requester), mike (her manager), alice (agent), carol (change-manager), "
                    + "rob (release-manager), and on the Shanghai branch desk sam (agent) and lily (requester) share "
                    + "the password {}  (shown once; set HUB_DEMO_PASSWORD to choose one)", password);
        } else {
            log.info("Demo data loaded; demo users log in with HUB_DEMO_PASSWORD");
        }
    }

    private void groups() {
        people.saveGroup("service-desk", "First line: every new incident lands here", "servicedesk@example.com");
        people.saveGroup("platform", "Linux, virtualisation and Kubernetes", "platform@example.com");
        people.saveGroup("database", "PostgreSQL and Redis", "dba@example.com");
        people.saveGroup("security", "Approves production access and VMs", "security@example.com");
        people.saveGroup("release", "Release managers", "release@example.com");
        people.saveGroup("finance", "Approves spending above the thresholds", "finance@example.com");
    }

    private void users(String password) {
        person("mike", "Mike Manager", null, password, Set.of(Role.REQUESTER, Role.AGENT), Set.of("platform", "finance"));
        person("rita", "Rita Requester", "mike", password, Set.of(Role.REQUESTER), Set.of());
        person("alice", "Alice Agent", "mike", password, Set.of(Role.AGENT), Set.of("service-desk", "platform"));
        person("carol", "Carol Change-Manager", "mike", password, Set.of(Role.CHANGE_MANAGER, Role.AGENT), Set.of("security"));
        person("rob", "Rob Release-Manager", "mike", password, Set.of(Role.RELEASE_MANAGER), Set.of("release"));
    }

    /**
     * A branch below the head office, as a bank's service desk has them: the Shanghai desk, its first-line group and
     * agent, and a requester who sits in Shanghai, whose tickets routing sends there. The head office sees them too.
     */
    private void branch(String password) {
        desks.save("SH", new DeskForm("Shanghai branch", DeskService.ROOT, true));
        people.saveGroup("sh-desk", "Shanghai branch first line", "sh-desk@example.com");
        desks.placeGroup("sh-desk", "SH");
        person("sam", "Sam Shanghai-Agent", "mike", password, Set.of(Role.AGENT), Set.of("sh-desk"));
        people.place("sam", "SH", "IT", "Shanghai");
        person("lily", "Lily Shanghai-Requester", "mike", password, Set.of(Role.REQUESTER), Set.of());
        people.place("lily", "SH", "Retail banking", "Shanghai");
        routing.replace(List.of(new RoutingRule(null, null, "Shanghai", null, null, "SH")));
    }

    private void person(String username, String name, String manager, String password, Set<Role> roles, Set<String> groups) {
        people.save(new PersonForm(username, name, username + "@example.com", null, manager, password, roles, groups));
    }

    private Map<String, String> cis() {
        Map<String, String> number = new HashMap<>();
        ci(number, "k8s-prod", CiClass.CLUSTER, Map.of("api", "https://k8s-prod.example.com:6443"));
        ci(number, "vm-pay-01", CiClass.VM, Map.of("ip", "10.0.10.11", "os", "debian-12"));
        ci(number, "vm-pay-02", CiClass.VM, Map.of("ip", "10.0.10.12", "os", "debian-12"));
        ci(number, "pg-pay-01", CiClass.DATABASE, Map.of("engine", "postgresql", "version", "16.4"));
        ci(number, "payments-api", CiClass.APPLICATION, Map.of("version", "2.3.1", "job", "payments-api"));
        ci(number, "Payments", CiClass.SERVICE, Map.of("tier", "gold"));
        ci(number, "Email", CiClass.SERVICE, Map.of("tier", "silver"));
        relate(number, "vm-pay-01", RelationType.HOSTED_ON, "k8s-prod");
        relate(number, "vm-pay-02", RelationType.HOSTED_ON, "k8s-prod");
        relate(number, "payments-api", RelationType.RUNS_ON, "vm-pay-01");
        relate(number, "payments-api", RelationType.RUNS_ON, "vm-pay-02");
        relate(number, "payments-api", RelationType.DEPENDS_ON, "pg-pay-01");
        relate(number, "Payments", RelationType.DEPENDS_ON, "payments-api");
        return number;
    }

    private void ci(Map<String, String> number, String name, CiClass ciClass, Map<String, String> attributes) {
        number.put(name, cmdb.create(new CiForm(name, ciClass, null, null, null, attributes)).number());
    }

    private void relate(Map<String, String> number, String source, RelationType type, String target) {
        cmdb.relate(number.get(source), type, number.get(target));
    }

    private static String generated() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
