package io.itsmhub.hub.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsmhub.core.incident.IncidentForm;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.support.MutableClock;
import io.itsmhub.core.support.TestInfrastructure;
import io.itsmhub.core.common.Priority;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@CamelSpringBootTest
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:sla-route;DB_CLOSE_DELAY=-1",
        "hub.admin.password=admin-pw-for-tests", "hub.demo.enabled=false", "hub.sla.check-interval=200"})
@Import(TestInfrastructure.class)
class SlaBreachRouteTest {

    @Autowired CamelContext camel;
    @Autowired IncidentService incidents;
    @Autowired MutableClock clock;

    @Test
    void theRouteFlagsAnIncidentThatMissedItsResolutionTarget() {
        String onTime = incidents.create(form("fresh")).number();
        String late = incidents.create(form("stale")).number();
        clock.advance(Duration.ofHours(5)); // P1: resolve within 4 h
        incidents.resolve(onTime, "fixed", "before the check ran"); // resolved tickets are not flagged

        NotifyBuilder checked = new NotifyBuilder(camel).fromRoute("sla-breach").whenCompleted(1).create();
        assertThat(checked.matches(10, TimeUnit.SECONDS)).isTrue();

        assertThat(incidents.get(late).slaBreached()).isTrue();
        assertThat(incidents.get(onTime).slaBreached()).isFalse();
    }

    private static IncidentForm form(String title) {
        return new IncidentForm(title, null, Priority.Level.HIGH, Priority.Level.HIGH, null, null, null, null, null,
                null, null);
    }
}
