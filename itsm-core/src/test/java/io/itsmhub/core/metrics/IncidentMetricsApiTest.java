package io.itsmhub.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.itsmhub.core.metrics.Figure.Point;
import io.itsmhub.core.common.Priority;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** First-contact resolution, MTTA, MTTR and the backlog, from incidents worked through IncidentService. */
class IncidentMetricsApiTest extends MetricsFixtures {

    @Test
    void firstContactResolutionCountsIncidentsNeverReassignedNorReopened() {
        String first = incident("2008-03-01T08:00:00Z", Priority.Level.MEDIUM, "service-desk");
        at("2008-03-01T08:10:00Z", "alice", () -> incidents.assign(first, "service-desk", "alice"));
        resolve("2008-03-01T09:00:00Z", first);

        String reassigned = incident("2008-03-01T08:00:00Z", Priority.Level.MEDIUM, "service-desk");
        at("2008-03-01T08:10:00Z", "alice", () -> incidents.assign(reassigned, "service-desk", "alice"));
        at("2008-03-01T08:20:00Z", "alice", () -> incidents.assign(reassigned, "platform", "mike"));
        resolve("2008-03-02T10:00:00Z", reassigned);

        String reopened = incident("2008-03-02T08:00:00Z");
        resolve("2008-03-02T09:00:00Z", reopened);
        at("2008-03-02T09:30:00Z", "rita", () -> incidents.reopen(reopened, "still broken"));
        resolve("2008-03-02T10:00:00Z", reopened);

        String assignedLater = incident("2008-03-02T07:00:00Z");
        at("2008-03-02T07:30:00Z", "alice", () -> incidents.assign(assignedLater, "platform", "mike"));
        resolve("2008-03-02T08:00:00Z", assignedLater);

        resolvedIncident("2008-03-02T20:00:00Z", "2008-03-03T00:00:00Z"); // resolved at the period's end: not in it
        resolvedIncident("2008-02-29T20:00:00Z", "2008-02-29T23:59:59.999999Z"); // just before it

        Figure fcr = metrics.firstContactResolution(t("2008-03-01T00:00:00Z"), t("2008-03-03T00:00:00Z"));

        assertThat(fcr.key()).isEqualTo("first-contact-resolution");
        assertThat(fcr.unit()).isEqualTo("%");
        assertThat(fcr.value()).isEqualTo(50.0);
        assertThat(fcr.numerator()).isEqualTo(2);
        assertThat(fcr.denominator()).isEqualTo(4);
        assertThat(fcr.series()).hasSize(2);
        assertThat(fcr.series().get(0)).isEqualTo(new Point(LocalDate.parse("2008-03-01"), 100.0));
        assertThat(fcr.series().get(1).day()).isEqualTo(LocalDate.parse("2008-03-02"));
        assertThat(fcr.series().get(1).value()).isCloseTo(100.0 / 3, within(1e-9));

        Figure empty = metrics.firstContactResolution(t("2008-04-01T00:00:00Z"), t("2008-04-03T00:00:00Z"));
        assertThat(empty.value()).isNull();
        assertThat(empty.numerator()).isZero();
        assertThat(empty.denominator()).isZero();
        assertThat(empty.series()).extracting(Point::value).containsExactly(null, null);
    }

    @Test
    void mttaIsTheMeanTimeToFirstResponseOfIncidentsRespondedToInThePeriod() {
        String assigned = incident("2009-05-01T10:00:00Z");
        at("2009-05-01T10:30:00Z", "alice", () -> incidents.assign(assigned, "platform", "alice")); // 30 min
        String createdBefore = incident("2009-04-30T23:30:00Z");
        at("2009-05-01T00:30:00Z", "alice", () -> incidents.start(createdBefore)); // 60 min, responded in the period
        String overnight = incident("2009-05-01T23:00:00Z");
        at("2009-05-02T01:30:00Z", "alice", () -> incidents.start(overnight)); // 150 min, on the second day
        String atTheEnd = incident("2009-05-02T22:00:00Z");
        at("2009-05-03T00:00:00Z", "alice", () -> incidents.start(atTheEnd)); // responded at the period's end: not in it
        incident("2009-05-02T10:00:00Z"); // never responded to

        Figure mtta = metrics.meanTimeToAcknowledge(t("2009-05-01T00:00:00Z"), t("2009-05-03T00:00:00Z"));

        assertThat(mtta.key()).isEqualTo("mtta");
        assertThat(mtta.unit()).isEqualTo("min");
        assertThat(mtta.value()).isEqualTo(80.0);
        assertThat(mtta.numerator()).as("total minutes").isEqualTo(240);
        assertThat(mtta.denominator()).isEqualTo(3);
        assertThat(mtta.series()).containsExactly(new Point(LocalDate.parse("2009-05-01"), 45.0),
                new Point(LocalDate.parse("2009-05-02"), 150.0));

        Figure empty = metrics.meanTimeToAcknowledge(t("2009-06-01T00:00:00Z"), t("2009-06-02T00:00:00Z"));
        assertThat(empty.value()).isNull();
        assertThat(empty.denominator()).isZero();
        assertThat(empty.series()).containsExactly(new Point(LocalDate.parse("2009-06-01"), null));
    }

    @Test
    void mttrIsTheMeanTimeToTheLatestResolutionOfIncidentsResolvedInThePeriod() {
        resolvedIncident("2010-07-01T10:00:00Z", "2010-07-01T14:00:00Z"); // 240 min
        String reopened = incident("2010-07-01T08:00:00Z");
        resolve("2010-07-01T10:00:00Z", reopened);
        at("2010-07-01T11:00:00Z", "alice", () -> incidents.reopen(reopened, "back again"));
        resolve("2010-07-02T08:00:00Z", reopened); // 1440 min, counted once, on the second day
        resolvedIncident("2010-06-30T10:00:00Z", "2010-06-30T23:59:59Z"); // before the period
        resolvedIncident("2010-07-02T10:00:00Z", "2010-07-03T00:00:00Z"); // at its end

        Figure mttr = metrics.meanTimeToResolve(t("2010-07-01T00:00:00Z"), t("2010-07-03T00:00:00Z"));

        assertThat(mttr.key()).isEqualTo("mttr");
        assertThat(mttr.unit()).isEqualTo("min");
        assertThat(mttr.value()).isEqualTo(840.0);
        assertThat(mttr.numerator()).isEqualTo(1680);
        assertThat(mttr.denominator()).isEqualTo(2);
        assertThat(mttr.series()).containsExactly(new Point(LocalDate.parse("2010-07-01"), 240.0),
                new Point(LocalDate.parse("2010-07-02"), 1440.0));

        Figure empty = metrics.meanTimeToResolve(t("2010-08-01T00:00:00Z"), t("2010-08-03T00:00:00Z"));
        assertThat(empty.value()).isNull();
        assertThat(empty.numerator()).isZero();
        assertThat(empty.denominator()).isZero();
    }

    @Test
    void theBacklogCountsIncidentsOpenAtTheEndOfEachDayAsTheirJournalShowsThem() {
        incident("2001-02-27T10:00:00Z"); // open all along
        resolvedIncident("2001-03-01T12:00:00Z", "2001-03-02T12:00:00Z"); // open at the end of day 1 only
        String cancelled = incident("2001-03-02T08:00:00Z");
        at("2001-03-03T08:00:00Z", "alice", () -> incidents.cancel(cancelled, "duplicate")); // open at the end of day 2 only
        String reopened = incident("2001-03-02T09:00:00Z");
        resolve("2001-03-02T10:00:00Z", reopened); // resolved at the end of day 2 …
        at("2001-03-03T09:00:00Z", "rita", () -> incidents.reopen(reopened, "not fixed")); // … open again at the end of day 3
        incident("2001-03-03T20:00:00Z", Priority.Level.HIGH, null); // P1
        incident("2001-03-04T00:00:00Z"); // created at the period's end: not in it
        resolvedIncident("2001-02-20T10:00:00Z", "2001-02-21T10:00:00Z"); // finished before it
        clock.set(t("2001-03-05T12:00:00Z")); // now: a moment before it replays the journal, one after reads the status

        Figure backlog = metrics.incidentBacklog(t("2001-03-01T00:00:00Z"), t("2001-03-04T00:00:00Z"));

        assertThat(backlog.key()).isEqualTo("incident-backlog");
        assertThat(backlog.unit()).isEqualTo("incidents");
        assertThat(backlog.value()).isEqualTo(3.0);
        assertThat(backlog.numerator()).isEqualTo(3);
        assertThat(backlog.denominator()).isEqualTo(1);
        assertThat(backlog.series()).containsExactly(new Point(LocalDate.parse("2001-03-01"), 2.0),
                new Point(LocalDate.parse("2001-03-02"), 2.0), new Point(LocalDate.parse("2001-03-03"), 3.0));

        BacklogMatrix atTheEnd = metrics.backlogByPriorityAndAge(t("2001-03-04T00:00:00Z"));
        assertThat(atTheEnd.total()).isEqualTo(3);
        assertThat(atTheEnd.ages()).containsExactly("<1d", "1-3d", "3-7d", ">7d");
        assertThat(atTheEnd.rows()).extracting(BacklogMatrix.Row::priority).containsExactly(Priority.values());
        assertThat(atTheEnd.rows().get(0).byAge()).containsExactly(Map.entry("<1d", 1L), Map.entry("1-3d", 0L),
                Map.entry("3-7d", 0L), Map.entry(">7d", 0L));
        assertThat(atTheEnd.rows().get(2).byAge()).as("P3: the old one and the reopened one")
                .containsExactly(Map.entry("<1d", 0L), Map.entry("1-3d", 1L), Map.entry("3-7d", 1L), Map.entry(">7d", 0L));
        assertThat(atTheEnd.rows()).extracting(BacklogMatrix.Row::total).containsExactly(1L, 0L, 2L, 0L);

        BacklogMatrix endOfDay2 = metrics.backlogByPriorityAndAge(t("2001-03-03T00:00:00Z"));
        assertThat(endOfDay2.total()).as("the reopened one was resolved then").isEqualTo(2);
        assertThat(endOfDay2.rows().get(2).byAge()).containsEntry("<1d", 1L).containsEntry("3-7d", 1L);

        assertThat(metrics.backlogByPriorityAndAge(t("2001-03-10T00:00:00Z")).rows().get(2).byAge())
                .as("later than now, from the status as it is: the old one, the reopened one and the one created at the period's end")
                .containsEntry(">7d", 2L).containsEntry("3-7d", 1L);

        Figure none = metrics.incidentBacklog(t("2000-01-01T00:00:00Z"), t("2000-01-03T00:00:00Z"));
        assertThat(none.value()).as("no open incident is a backlog of 0, not a lack of data").isEqualTo(0.0);
        assertThat(none.numerator()).isZero();
        assertThat(none.series()).extracting(Point::value).containsExactly(0.0, 0.0);
        assertThat(metrics.backlogByPriorityAndAge(t("2000-01-03T00:00:00Z")).total()).isZero();
    }
}
