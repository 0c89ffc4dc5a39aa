package io.itsmhub.core.metrics;

import io.itsmhub.core.change.ChangeForm;
import io.itsmhub.core.change.ChangeService;
import io.itsmhub.core.change.ChangeType;
import io.itsmhub.core.change.Outcome;
import io.itsmhub.core.fulfilment.FulfilmentService;
import io.itsmhub.core.incident.IncidentForm;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.request.RequestForm;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.catalog.CatalogItemForm;
import io.itsmhub.core.request.catalog.CatalogService;
import io.itsmhub.core.satisfaction.SatisfactionService;
import io.itsmhub.core.security.RunAs;
import io.itsmhub.core.support.ApiTest;
import io.itsmhub.core.common.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the metrics tests share: tickets built through the real services at chosen moments. Every test measures a
 * period of its own, years before the moment the other tests run at (the test clock starts at the real now), so
 * that the tickets of other tests in the same database never fall into it. The periods in use:
 * 1999 report API, 2000–2001 backlog, 2006–2007 changes, 2008–2010 incidents, 2011 SLA, 2012 fulfilment, 2013 csat,
 * 2014 figures by desk.
 * The backlog test counts every incident open at a moment, so tests before 2001 leave no incident open.
 */
abstract class MetricsFixtures extends ApiTest {

    @Autowired OperationsMetrics metrics;
    @Autowired IncidentService incidents;
    @Autowired RequestService requests;
    @Autowired ChangeService changes;
    @Autowired FulfilmentService fulfilments;
    @Autowired SatisfactionService satisfaction;
    @Autowired CatalogService catalog;

    private Instant realNow;

    @BeforeEach
    void rememberTheClockAndCatalog() {
        realNow = clock.instant();
        catalog.save(new CatalogItemForm("metrics-desk", "A desk", null, "Furniture", List.of(), false, "platform", true));
        // an access order names a group its item may grant (the segregation-of-duties rules of requests)
        catalog.save(new CatalogItemForm("metrics-access", "Group access", null, "Access", List.of(new io.itsmhub.core.request
                .catalog.FormField("group", "Group", io.itsmhub.core.request.catalog.FormField.Type.TEXT, true, null, null, null)),
                false, "platform", true, null, "directory-access", null, null, List.of("metrics-readers")));
    }

    @AfterEach
    void backToTheRealNow() {
        clock.set(realNow);
    }

    static Instant t(String instant) {
        return Instant.parse(instant);
    }

    /** Does {@code work} as {@code user} with the clock at {@code instant}. */
    <T> T at(String instant, String user, Supplier<T> work) {
        clock.set(t(instant));
        return RunAs.person(people.find(user).orElseThrow(), work);
    }

    /** A P3 incident of rita's, with no group. */
    String incident(String instant) {
        return incident(instant, Priority.Level.MEDIUM, null);
    }

    String incident(String instant, Priority.Level impactAndUrgency, String group) {
        return incident(instant, impactAndUrgency, group, "rita");
    }

    /** An incident for {@code caller}: it goes to the caller's home desk (routing's fallback; the tests add no rule). */
    String incident(String instant, Priority.Level impactAndUrgency, String group, String caller) {
        // raised for the caller by an agent: a requester's own incident takes neither priority nor group (issue 12)
        return at(instant, "alice", () -> incidents.create(new IncidentForm("Metrics " + instant, null, impactAndUrgency,
                impactAndUrgency, caller, group, null, null, null, null, null))).number();
    }

    void resolve(String instant, String incident) {
        at(instant, "alice", () -> incidents.resolve(incident, "fixed", null));
    }

    /** An incident created at {@code created} and resolved at {@code resolved}, with no other step. */
    String resolvedIncident(String created, String resolved) {
        String number = incident(created);
        resolve(resolved, number);
        return number;
    }

    /** An order of {@code item} by rita; items without approval are APPROVED at once. */
    String order(String instant, String item) {
        return order(instant, item, "rita");
    }

    /** An order of {@code item} by {@code requester}, on the requester's home desk. */
    String order(String instant, String item, String requester) {
        java.util.Map<String, Object> values = item.equals("metrics-access") ? java.util.Map.of("group", "metrics-readers") : null;
        return at(instant, requester, () -> requests.submit(new RequestForm(item, null, values, null))).number();
    }

    /** An order of the item without a plan, fulfilled by alice by hand at {@code fulfilled}. */
    String fulfilledByHand(String ordered, String fulfilled) {
        return fulfilledByHand(ordered, fulfilled, "rita");
    }

    /** An order by {@code requester} of the item without a plan, fulfilled by alice by hand at {@code fulfilled}. */
    String fulfilledByHand(String ordered, String fulfilled, String requester) {
        String number = order(ordered, "metrics-desk", requester);
        at(fulfilled, "alice", () -> requests.startFulfilment(number));
        at(fulfilled, "alice", () -> requests.fulfil(number, "delivered"));
        return number;
    }

    /** An order of the item with a plan, whose fulfilment runs both its steps at {@code fulfilled}. */
    String fulfilledAutomatically(String ordered, String fulfilled) {
        String number = order(ordered, "metrics-access");
        at(ordered, "alice", () -> fulfilments.start(number));
        clock.set(t(fulfilled));
        fulfilments.done(number, io.itsmhub.core.fulfilment.Step.GRANT_ACCESS, java.util.Map.of(), null);
        fulfilments.done(number, io.itsmhub.core.fulfilment.Step.CLOSE, java.util.Map.of(), "access granted");
        return number;
    }

    /** A change requested by carol at {@code instant}. */
    String change(String instant, ChangeType type) {
        return change(instant, type, "carol");
    }

    /** A change requested by {@code changeManager}, on their home desk. */
    String change(String instant, ChangeType type, String changeManager) {
        return at(instant, changeManager, () -> changes.create(new ChangeForm("Metrics " + instant, null, type, null, null,
                null, null, null, null, null, null, null, null, null))).number();
    }

    /** A normal change assessed, authorised (by dave), scheduled and implemented at {@code implemented}, reviewed at {@code reviewed}. */
    String reviewedChange(String created, String implemented, String reviewed, Outcome outcome) {
        String number = change(created, ChangeType.NORMAL);
        at(implemented, "carol", () -> changes.assess(number));
        at(implemented, "dave", () -> changes.authorise(number, "go"));
        at(implemented, "carol", () -> changes.schedule(number, t(implemented), t(implemented).plus(Duration.ofHours(1))));
        at(implemented, "carol", () -> changes.implement(number));
        at(reviewed, "carol", () -> changes.review(number, outcome, outcome.name().toLowerCase()));
        return number;
    }
}
