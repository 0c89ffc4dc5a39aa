package io.itsmhub.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.itsmhub.core.fulfilment.Step;
import io.itsmhub.core.incident.IncidentUpdate;
import io.itsmhub.core.metrics.Figure.Point;
import io.itsmhub.core.common.Priority;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SLA compliance, automated fulfilment and satisfaction, from incidents, requests, fulfilments and ratings. */
class ServiceMetricsApiTest extends MetricsFixtures {

    @Test
    void slaComplianceIsTheShareOfResolvedIncidentsAndFulfilledRequestsThatMetTheirTargets() {
        // P3 incidents: respond within 4 h, resolve within 48 h; requests of these items: fulfil within 48 h.
        String inTime = incident("2011-09-01T10:00:00Z");
        at("2011-09-01T10:30:00Z", "alice", () -> incidents.assign(inTime, "platform", "alice"));
        resolve("2011-09-01T12:00:00Z", inTime);
        String late = incident("2011-08-29T09:00:00Z");
        at("2011-08-29T09:10:00Z", "alice", () -> incidents.assign(late, "platform", "alice"));
        resolve("2011-09-01T10:00:00Z", late); // 73 h: missed, though the breach sweep never saw it open
        String slowResponse = incident("2011-09-02T10:00:00Z");
        at("2011-09-02T15:00:00Z", "alice", () -> incidents.assign(slowResponse, "platform", "alice")); // 5 h
        resolve("2011-09-02T16:00:00Z", slowResponse);
        String flagged = incident("2011-08-30T00:00:00Z");
        at("2011-08-30T00:10:00Z", "alice", () -> incidents.assign(flagged, "platform", "alice"));
        at("2011-09-01T01:00:00Z", "alice", incidents::flagBreaches); // 49 h open: flagged
        at("2011-09-01T02:00:00Z", "alice", () -> incidents.update(flagged, new IncidentUpdate(null, null,
                Priority.Level.LOW, Priority.Level.LOW, null, null))); // P4 now: 5 days, but the flag stays
        resolve("2011-09-02T06:00:00Z", flagged);
        fulfilledByHand("2011-09-01T09:00:00Z", "2011-09-01T15:00:00Z"); // in time
        fulfilledByHand("2011-08-29T09:00:00Z", "2011-09-02T09:00:00Z"); // 96 h: missed
        String cancelled = order("2011-09-01T09:00:00Z", "metrics-desk");
        at("2011-09-01T11:00:00Z", "alice", () -> requests.cancel(cancelled, "not needed")); // not fulfilled: not counted
        resolvedIncident("2011-09-02T23:00:00Z", "2011-09-03T00:00:00Z"); // at the period's end

        Figure sla = metrics.slaCompliance(t("2011-09-01T00:00:00Z"), t("2011-09-03T00:00:00Z"));

        assertThat(sla.key()).isEqualTo("sla-compliance");
        assertThat(sla.unit()).isEqualTo("%");
        assertThat(sla.value()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(sla.numerator()).isEqualTo(2);
        assertThat(sla.denominator()).isEqualTo(6);
        assertThat(sla.series().get(0).value()).as("in time, late, the request in time").isCloseTo(200.0 / 3, within(1e-9));
        assertThat(sla.series().get(1)).as("slow response, flagged, the late request")
                .isEqualTo(new Point(LocalDate.parse("2011-09-02"), 0.0));

        Figure empty = metrics.slaCompliance(t("2011-10-01T00:00:00Z"), t("2011-10-02T00:00:00Z"));
        assertThat(empty.value()).isNull();
        assertThat(empty.numerator()).isZero();
        assertThat(empty.denominator()).isZero();
    }

    @Test
    void automatedFulfilmentIsTheShareOfFulfilledRequestsWhosePlanRanToItsEnd() {
        fulfilledAutomatically("2012-02-01T09:00:00Z", "2012-02-01T09:05:00Z");
        String failedStep = order("2012-02-02T09:00:00Z", "metrics-access");
        at("2012-02-02T09:01:00Z", "alice", () -> fulfilments.start(failedStep));
        clock.set(t("2012-02-02T09:05:00Z"));
        fulfilments.failed(failedStep, Step.GRANT_ACCESS, "LDAP unreachable");
        at("2012-02-02T10:00:00Z", "alice", () -> requests.resume(failedStep, "doing it by hand"));
        at("2012-02-02T10:30:00Z", "alice", () -> requests.fulfil(failedStep, "added to the group by hand"));
        fulfilledByHand("2012-02-02T11:00:00Z", "2012-02-02T12:00:00Z");
        fulfilledAutomatically("2012-02-03T22:00:00Z", "2012-02-04T00:00:00Z"); // at the period's end
        String cancelled = order("2012-02-01T10:00:00Z", "metrics-desk");
        at("2012-02-01T11:00:00Z", "alice", () -> requests.cancel(cancelled, "not needed"));

        Instant from = t("2012-02-01T00:00:00Z");
        Instant to = t("2012-02-04T00:00:00Z");
        Figure automated = metrics.automatedFulfilment(from, to);
        FulfilmentSplit split = metrics.fulfilledAutomaticallyVsByHand(from, to);

        assertThat(automated.key()).isEqualTo("automated-fulfilment");
        assertThat(automated.unit()).isEqualTo("%");
        assertThat(automated.value()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(automated.numerator()).isEqualTo(1);
        assertThat(automated.denominator()).isEqualTo(3);
        assertThat(automated.series()).containsExactly(new Point(LocalDate.parse("2012-02-01"), 100.0),
                new Point(LocalDate.parse("2012-02-02"), 0.0), new Point(LocalDate.parse("2012-02-03"), null));
        assertThat(split).isEqualTo(new FulfilmentSplit(1, 2, List.of(
                new FulfilmentSplit.Day(LocalDate.parse("2012-02-01"), 1, 0),
                new FulfilmentSplit.Day(LocalDate.parse("2012-02-02"), 0, 2),
                new FulfilmentSplit.Day(LocalDate.parse("2012-02-03"), 0, 0))));

        Instant emptyFrom = t("2012-03-01T00:00:00Z");
        Figure empty = metrics.automatedFulfilment(emptyFrom, t("2012-03-02T00:00:00Z"));
        assertThat(empty.value()).isNull();
        assertThat(empty.denominator()).isZero();
        assertThat(metrics.fulfilledAutomaticallyVsByHand(emptyFrom, t("2012-03-02T00:00:00Z")))
                .isEqualTo(new FulfilmentSplit(0, 0, List.of(new FulfilmentSplit.Day(LocalDate.parse("2012-03-01"), 0, 0))));
    }

    @Test
    void csatIsTheMeanScoreOfRatingsGivenInThePeriod() {
        rated("2013-04-01T10:00:00Z", 5);
        rated("2013-04-01T11:00:00Z", 4);
        String request = fulfilledByHand("2013-03-30T09:00:00Z", "2013-03-31T09:00:00Z");
        at("2013-04-02T09:00:00Z", "rita", () -> satisfaction.rate(request, 2, "took two days"));
        rated("2013-04-03T00:00:00Z", 1); // at the period's end
        rated("2013-03-31T23:59:59Z", 3); // just before it

        Figure csat = metrics.customerSatisfaction(t("2013-04-01T00:00:00Z"), t("2013-04-03T00:00:00Z"));

        assertThat(csat.key()).isEqualTo("csat");
        assertThat(csat.unit()).isEqualTo("/5");
        assertThat(csat.value()).isCloseTo(11.0 / 3, within(1e-9));
        assertThat(csat.numerator()).as("ratings of 4 or 5").isEqualTo(2);
        assertThat(csat.denominator()).isEqualTo(3);
        assertThat(csat.series()).containsExactly(new Point(LocalDate.parse("2013-04-01"), 4.5),
                new Point(LocalDate.parse("2013-04-02"), 2.0));

        Figure empty = metrics.customerSatisfaction(t("2013-05-01T00:00:00Z"), t("2013-05-02T00:00:00Z"));
        assertThat(empty.value()).isNull();
        assertThat(empty.numerator()).isZero();
        assertThat(empty.denominator()).isZero();
    }

    /** An incident of rita's, resolved the day before, rated by her at {@code instant}. */
    private void rated(String instant, int score) {
        Instant ratedAt = t(instant);
        String number = resolvedIncident(ratedAt.minus(java.time.Duration.ofDays(1)).toString(),
                ratedAt.minus(java.time.Duration.ofHours(1)).toString());
        at(instant, "rita", () -> satisfaction.rate(number, score, null));
    }
}
