package io.itsmhub.hub.hr;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.request.catalog.CatalogItemForm;
import io.itsmhub.core.request.catalog.CatalogService;
import io.itsmhub.core.request.catalog.FormField;
import io.itsmhub.core.support.PostgresTestServer;
import io.itsmhub.hub.HubApplication;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two hub processes' worth of Spring contexts on one PostgreSQL database, and an HR system that sends the same batch
 * to both at once, several times, retrying whenever a hub answers 503 (as it does when the other hub is applying
 * the same records): every joiner gets the access requests of their role exactly once.
 */
class HrFeedAcrossTwoHubsTest {

    private static final String TOKEN = "hr-two-hubs-token";
    private static final String BATCH = """
            [{"event":"JOINER","username":"ada","displayName":"Ada","jobRole":"dba","recordId":"hr-1"},
             {"event":"JOINER","username":"ben","displayName":"Ben","jobRole":"dba","recordId":"hr-2"},
             {"event":"JOINER","username":"cy","displayName":"Cy","jobRole":"dba"}]""";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSameBatchSentToBothHubsAtOnceRaisesEachAccessRequestOnce() throws Exception {
        String database = PostgresTestServer.get().createDatabase("itsm_hr_two_hubs");
        try (ConfigurableApplicationContext one = start(database); ConfigurableApplicationContext two = start(database)) {
            one.getBean(PeopleService.class).saveGroup("service-desk", "Service desk", null);
            FormField group = new FormField("group", "Group", FormField.Type.TEXT, true, null, BigDecimal.valueOf(100), null);
            FormField why = new FormField("justification", "Why", FormField.Type.TEXT, true, null, BigDecimal.valueOf(2000), null);
            one.getBean(CatalogService.class).save(new CatalogItemForm("access-request", "Access", null, "Access",
                    List.of(group, why), false, "service-desk", true));

            ExecutorService senders = Executors.newFixedThreadPool(4);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (ConfigurableApplicationContext hub : List.of(one, two, one, two)) {
                    answers.add(senders.submit(sendUntilApplied(port(hub))));
                }
            }
            senders.shutdown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).as("every delivery ends in 200, after retries of 503").isEqualTo(200);
            }

            JdbcTemplate db = one.getBean(JdbcTemplate.class);
            for (String joiner : List.of("ada", "ben", "cy")) {
                assertThat(db.queryForObject("SELECT COUNT(*) FROM service_request WHERE requester = ?", Integer.class, joiner))
                        .as("access requests of %s", joiner).isEqualTo(2);
            }
            assertThat(db.queryForObject("SELECT COUNT(*) FROM hr_record_applied", Integer.class)).isEqualTo(3);
        }
    }

    private Callable<Integer> sendUntilApplied(int port) {
        return () -> {
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/hr"))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(BATCH)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 503 || attempt == 20) {
                    return answer.statusCode();
                }
            }
        };
    }

    private static int port(ConfigurableApplicationContext hub) {
        return Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(HubApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--hub.admin.password=admin-pw-for-tests",
                "--hub.demo.enabled=false",
                "--hub.hr.webhook-token=" + TOKEN,
                "--hub.hr.role-access.dba[0]=payments-db-readers",
                "--hub.hr.role-access.dba[1]=pg-admins");
    }
}
