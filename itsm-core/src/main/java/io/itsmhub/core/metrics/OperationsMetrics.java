package io.itsmhub.core.metrics;

import static io.itsmhub.core.metrics.DayTotals.utcDay;

import io.itsmhub.core.change.ChangeType;
import io.itsmhub.core.change.Outcome;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.Priority;
import io.itsmhub.core.incident.IncidentStatus;
import io.itsmhub.core.journal.JournalEntry;
import io.itsmhub.core.metrics.Figure.Point;
import io.itsmhub.core.request.RequestStatus;
import io.itsmhub.core.ticket.TicketAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operations figures of a period {@code [from, to)} (instants, UTC; at most 366 days), each with its value per
 * UTC day of the period. One method and one query per figure; a day's series point is the same figure over the
 * events of that day. Values are not rounded: that is the console's business.
 * <p>
 * Every figure counts only the tickets of the desks the caller sees ({@link TicketAccess#scope()}): a branch agent
 * gets their branch's figures, the head office and administrators every desk's. The public methods read the scope
 * each; a report reads it once, so that all its figures are over the same desks. The desk condition is
 * {@link DeskFilter}'s; each query appends it where it reads its ticket table.
 */
@Service
@Transactional(readOnly = true)
public class OperationsMetrics {

    private static final List<String> OPEN_INCIDENT = Stream.of(IncidentStatus.values())
            .filter(IncidentStatus::isOpen).map(Enum::name).toList();
    private static final String TRANSITION = JournalEntry.Kind.TRANSITION.name();

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final TicketAccess access;

    public OperationsMetrics(NamedParameterJdbcTemplate jdbc, Clock clock, TicketAccess access) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
    }

    /**
     * The report for the UTC days {@code firstDay} to {@code lastDay}, both included, i.e. the period
     * {@code [firstDay 00:00Z, lastDay+1 00:00Z)}: what the API and the dashboard both show for a chosen period.
     */
    public OperationsReport days(LocalDate firstDay, LocalDate lastDay) {
        if (firstDay.isAfter(lastDay)) {
            throw InvalidInputException.of("from", "%s is after to (%s)".formatted(firstDay, lastDay));
        }
        long days = ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
        if (days > Period.LONGEST.toDays()) {
            throw InvalidInputException.of("to", "a period is at most %d days; %s to %s is %d"
                    .formatted(Period.LONGEST.toDays(), firstDay, lastDay, days));
        }
        return all(firstDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
                lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Every figure of the period, the backlog matrix at {@code to}, and the automatic vs by-hand fulfilments. */
    public OperationsReport all(Instant from, Instant to) {
        Period period = Period.of(from, to);
        DeskFilter desks = desks();
        FulfilmentSplit fulfilled = fulfilledAutomaticallyVsByHand(period, desks);
        List<Figure> figures = List.of(changeSuccessRate(period, desks), emergencyChangeRatio(period, desks),
                firstContactResolution(period, desks), meanTimeToAcknowledge(period, desks), meanTimeToResolve(period, desks),
                slaCompliance(period, desks), incidentBacklog(period, desks), automatedFulfilment(period, fulfilled),
                customerSatisfaction(period, desks));
        return new OperationsReport(from, to, figures, backlogByPriorityAndAge(to, desks), fulfilled);
    }

    /** The caller's desks, as a condition for the queries: asked of TicketAccess, which decides it for every read. */
    private DeskFilter desks() {
        return new DeskFilter(access.scope());
    }

    /**
     * {@code change-success-rate}, %: of the changes whose outcome was recorded in the period as SUCCESSFUL or FAILED
     * (cancelled changes never get one), the share SUCCESSFUL. Numerator: successful; denominator: both.
     * <p>
     * When: the journal line that recorded the outcome (field {@code outcome}, written by the review in the same
     * transaction that sets it). A change has no reviewed-at column, and {@code updated_at} moves with every later
     * touch (the close, a comment), which would count an outcome in the period the change was closed or commented on.
     */
    public Figure changeSuccessRate(Instant from, Instant to) {
        return changeSuccessRate(Period.of(from, to), desks());
    }

    private Figure changeSuccessRate(Period period, DeskFilter desks) {
        List<DayTotals> days = jdbc.query("""
                SELECT t.utc_day, SUM(t.ok) AS numerator, COUNT(*) AS denominator, 0 AS total FROM (
                    SELECT %s AS utc_day, CASE WHEN j.new_value = :successful THEN 1 ELSE 0 END AS ok
                    FROM journal_entry j JOIN change_request c ON c.number = j.ticket_number AND c.outcome = j.new_value
                    WHERE j.kind = :fieldChanged AND j.field = 'outcome' AND j.new_value IN (:successful, :failed)
                      AND j.at >= :from AND j.at < :to%s) t
                GROUP BY t.utc_day""".formatted(utcDay("j.at"), desks.on("c")),
                desks.bind(period.parameters()).addValue("successful", Outcome.SUCCESSFUL.name())
                        .addValue("failed", Outcome.FAILED.name())
                        .addValue("fieldChanged", JournalEntry.Kind.FIELD_CHANGED.name()), DayTotals::read);
        return Figures.percent("change-success-rate", period, days);
    }

    /** {@code emergency-change-ratio}, %: changes created in the period of type EMERGENCY / all changes created in it. */
    public Figure emergencyChangeRatio(Instant from, Instant to) {
        return emergencyChangeRatio(Period.of(from, to), desks());
    }

    private Figure emergencyChangeRatio(Period period, DeskFilter desks) {
        List<DayTotals> days = jdbc.query("""
                SELECT t.utc_day, SUM(t.emergency) AS numerator, COUNT(*) AS denominator, 0 AS total FROM (
                    SELECT %s AS utc_day, CASE WHEN c.change_type = :emergency THEN 1 ELSE 0 END AS emergency
                    FROM change_request c WHERE c.created_at >= :from AND c.created_at < :to%s) t
                GROUP BY t.utc_day""".formatted(utcDay("c.created_at"), desks.on("c")),
                desks.bind(period.parameters()).addValue("emergency", ChangeType.EMERGENCY.name()), DayTotals::read);
        return Figures.percent("emergency-change-ratio", period, days);
    }

    /**
     * {@code first-contact-resolution}, %: of the incidents resolved in the period (by {@code resolved_at}, their
     * latest resolution), the share that, by their journal, were never reassigned and never reopened. Reassigned:
     * the assignment group or assignee changed away from a value it already had (a first assignment changes it from
     * empty; a group or assignee given at creation is a first assignment). Reopened: the status left RESOLVED other
     * than to CLOSED.
     */
    public Figure firstContactResolution(Instant from, Instant to) {
        return firstContactResolution(Period.of(from, to), desks());
    }

    private Figure firstContactResolution(Period period, DeskFilter desks) {
        List<DayTotals> days = jdbc.query("""
                SELECT t.utc_day, SUM(t.first_contact) AS numerator, COUNT(*) AS denominator, 0 AS total FROM (
                    SELECT %s AS utc_day,
                           CASE WHEN EXISTS (SELECT 1 FROM journal_entry j WHERE j.ticket_number = i.number
                                   AND ((j.kind = :fieldChanged AND j.field IN ('assignmentGroup', 'assignee') AND j.old_value IS NOT NULL)
                                     OR (j.kind = :transition AND j.field = 'status' AND j.old_value = :resolved AND j.new_value <> :closed)))
                                THEN 0 ELSE 1 END AS first_contact
                    FROM incident i WHERE i.resolved_at >= :from AND i.resolved_at < :to%s) t
                GROUP BY t.utc_day""".formatted(utcDay("i.resolved_at"), desks.on("i")),
                desks.bind(period.parameters()).addValue("fieldChanged", JournalEntry.Kind.FIELD_CHANGED.name())
                        .addValue("transition", TRANSITION).addValue("resolved", IncidentStatus.RESOLVED.name())
                        .addValue("closed", IncidentStatus.CLOSED.name()), DayTotals::read);
        return Figures.percent("first-contact-resolution", period, days);
    }

    /**
     * {@code mtta}, minutes: the mean time from creation to first response (first assignment to a person, start, or
     * resolution, whichever came first) of the incidents responded to in the period. Numerator: the total of those
     * minutes, rounded; denominator: the incidents.
     */
    public Figure meanTimeToAcknowledge(Instant from, Instant to) {
        return meanTimeToAcknowledge(Period.of(from, to), desks());
    }

    private Figure meanTimeToAcknowledge(Period period, DeskFilter desks) {
        return meanMinutes("mtta", "responded_at", period, desks);
    }

    /**
     * {@code mttr}, minutes: the mean time from creation to resolution of the incidents resolved in the period. A
     * reopened incident counts once, to its latest resolution (reopening clears the earlier one). Numerator: the
     * total of those minutes, rounded; denominator: the incidents.
     */
    public Figure meanTimeToResolve(Instant from, Instant to) {
        return meanTimeToResolve(Period.of(from, to), desks());
    }

    private Figure meanTimeToResolve(Period period, DeskFilter desks) {
        return meanMinutes("mttr", "resolved_at", period, desks);
    }

    private Figure meanMinutes(String key, String column, Period period, DeskFilter desks) {
        List<DayTotals> days = jdbc.query("""
                SELECT t.utc_day, 0 AS numerator, COUNT(*) AS denominator, SUM(t.secs) AS total FROM (
                    SELECT %1$s AS utc_day, EXTRACT(EPOCH FROM i.%2$s) - EXTRACT(EPOCH FROM i.created_at) AS secs
                    FROM incident i WHERE i.%2$s >= :from AND i.%2$s < :to%3$s) t
                GROUP BY t.utc_day""".formatted(utcDay("i." + column), column, desks.on("i")),
                desks.bind(period.parameters()), DayTotals::read).stream().map(d -> d.scaled(1 / 60.0)).toList();
        long totalMinutes = Math.round(days.stream().mapToDouble(DayTotals::total).sum());
        return Figures.mean(key, "min", period, days, totalMinutes);
    }

    /**
     * {@code sla-compliance}, %: of the incidents resolved in the period and the requests fulfilled in it (by
     * {@code closed_at}; rejected and cancelled requests are not counted), the share that met their SLA. Missed: flagged
     * by the breach sweep, or resolved after the resolution target, or (incidents) responded to after the response
     * target; the sweep runs every few minutes, so a ticket resolved late between two sweeps was never flagged, and
     * the times tell. A ticket without targets met them.
     */
    public Figure slaCompliance(Instant from, Instant to) {
        return slaCompliance(Period.of(from, to), desks());
    }

    private Figure slaCompliance(Period period, DeskFilter desks) {
        List<DayTotals> days = jdbc.query("""
                SELECT t.utc_day, SUM(t.met) AS numerator, COUNT(*) AS denominator, 0 AS total FROM (
                    SELECT %s AS utc_day,
                           CASE WHEN i.sla_breached OR i.resolved_at > i.resolution_due OR i.responded_at > i.response_due
                                THEN 0 ELSE 1 END AS met
                    FROM incident i WHERE i.resolved_at >= :from AND i.resolved_at < :to%s
                    UNION ALL
                    SELECT %s AS utc_day,
                           CASE WHEN r.sla_breached OR r.closed_at > r.resolution_due THEN 0 ELSE 1 END AS met
                    FROM service_request r WHERE r.status = :fulfilled AND r.closed_at >= :from AND r.closed_at < :to%s) t
                GROUP BY t.utc_day""".formatted(utcDay("i.resolved_at"), desks.on("i"), utcDay("r.closed_at"), desks.on("r")),
                desks.bind(period.parameters()).addValue("fulfilled", RequestStatus.FULFILLED.name()), DayTotals::read);
        return Figures.percent("sla-compliance", period, days);
    }

    /**
     * {@code incident-backlog}, incidents: the incidents open (NEW, IN_PROGRESS or ON_HOLD) at the end of the period;
     * the series is the same count at the end of each day. Numerator: that count; denominator 1 (a count, not a
     * ratio), and the value is never null: no open incident is a backlog of 0. An incident's status at a moment is
     * the one its journal shows then, so one resolved in the period and reopened later counts as resolved.
     */
    public Figure incidentBacklog(Instant from, Instant to) {
        return incidentBacklog(Period.of(from, to), desks());
    }

    private Figure incidentBacklog(Period period, DeskFilter desks) {
        BacklogSweep sweep = new BacklogSweep(period);
        // Skips incidents finished before the period: resolved_at is cleared on reopen, so a resolved_at (or a
        // closed_at, set by close and cancel) before the period means the incident stayed finished since.
        jdbc.query("""
                SELECT i.number AS number, i.created_at AS at, 0 AS seq, 'NEW' AS status
                FROM incident i
                WHERE i.created_at < :to AND (i.resolved_at IS NULL OR i.resolved_at >= :from)
                  AND (i.closed_at IS NULL OR i.closed_at >= :from)%1$s
                UNION ALL
                SELECT j.ticket_number AS number, j.at AS at, j.id AS seq, j.new_value AS status
                FROM journal_entry j JOIN incident i ON i.number = j.ticket_number
                WHERE j.kind = :transition AND j.field = 'status' AND j.at < :to
                  AND i.created_at < :to AND (i.resolved_at IS NULL OR i.resolved_at >= :from)
                  AND (i.closed_at IS NULL OR i.closed_at >= :from)%1$s
                ORDER BY at, seq""".formatted(desks.on("i")),
                desks.bind(period.parameters()).addValue("transition", TRANSITION), sweep);
        List<Point> series = sweep.series();
        long open = Math.round(series.get(series.size() - 1).value());
        return new Figure("incident-backlog", (double) open, open, 1, "incidents", series);
    }

    /**
     * The incidents open at {@code at} (as their journal shows them then), by their priority now and by age, the time
     * since they were created: under a day, 1–3 days, 3–7 days, over 7 days (a bucket includes its lower bound).
     */
    public BacklogMatrix backlogByPriorityAndAge(Instant at) {
        if (at == null) {
            throw InvalidInputException.of("at", "is required");
        }
        return backlogByPriorityAndAge(at, desks());
    }

    private BacklogMatrix backlogByPriorityAndAge(Instant at, DeskFilter desks) {
        MapSqlParameterSource parameters = desks.bind(new MapSqlParameterSource()).addValue("at", Period.sql(at))
                .addValue("day1", Period.sql(at.minus(Duration.ofDays(1))))
                .addValue("day3", Period.sql(at.minus(Duration.ofDays(3))))
                .addValue("day7", Period.sql(at.minus(Duration.ofDays(7))))
                .addValue("transition", TRANSITION).addValue("open", OPEN_INCIDENT);
        Map<Priority, Map<String, Long>> counts = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            Map<String, Long> byAge = new LinkedHashMap<>();
            BacklogMatrix.AGES.forEach(age -> byAge.put(age, 0L));
            counts.put(priority, byAge);
        }
        // at or after now (the dashboard's usual "until today"), the status then is the status now: no journal replay
        String openThen = at.isBefore(clock.instant())
                ? """
                  AND COALESCE((SELECT j.new_value FROM journal_entry j WHERE j.id = (
                          SELECT MAX(j2.id) FROM journal_entry j2 WHERE j2.ticket_number = i.number
                            AND j2.kind = :transition AND j2.field = 'status' AND j2.at < :at)), 'NEW') IN (:open)"""
                : "AND i.status IN (:open)";
        jdbc.query("""
                SELECT t.priority, t.age, COUNT(*) AS n FROM (
                    SELECT i.priority AS priority,
                           CASE WHEN i.created_at > :day1 THEN '<1d' WHEN i.created_at > :day3 THEN '1-3d'
                                WHEN i.created_at > :day7 THEN '3-7d' ELSE '>7d' END AS age
                    FROM incident i
                    WHERE i.created_at < :at AND (i.resolved_at IS NULL OR i.resolved_at >= :at)
                      AND (i.closed_at IS NULL OR i.closed_at >= :at)%s
                      %s) t
                GROUP BY t.priority, t.age""".formatted(desks.on("i"), openThen), parameters,
                rs -> { counts.get(Priority.valueOf(rs.getString("priority"))).put(rs.getString("age"), rs.getLong("n")); });
        List<BacklogMatrix.Row> rows = counts.entrySet().stream().map(e -> new BacklogMatrix.Row(e.getKey(), e.getValue(),
                e.getValue().values().stream().mapToLong(Long::longValue).sum())).toList();
        return new BacklogMatrix(at, BacklogMatrix.AGES, rows, rows.stream().mapToLong(BacklogMatrix.Row::total).sum());
    }

    /**
     * {@code automated-fulfilment}, %: of the requests fulfilled in the period (by {@code closed_at}), the share
     * fulfilled automatically: their fulfilment plan ran to its end (state DONE). The rest were fulfilled by hand:
     * items without a plan, and plans an agent finished by hand after a failed step. Numerator: automatic;
     * denominator: all fulfilled.
     */
    public Figure automatedFulfilment(Instant from, Instant to) {
        Period period = Period.of(from, to);
        return automatedFulfilment(period, fulfilledAutomaticallyVsByHand(period, desks()));
    }

    private Figure automatedFulfilment(Period period, FulfilmentSplit split) {
        List<DayTotals> days = split.series().stream().filter(d -> d.automatic() + d.byHand() > 0)
                .map(d -> new DayTotals(d.day(), d.automatic(), d.automatic() + d.byHand(), 0)).toList();
        return Figures.percent("automated-fulfilment", period, days);
    }

    /** The requests fulfilled in the period, automatically or by hand (as {@link #automatedFulfilment} counts them). */
    public FulfilmentSplit fulfilledAutomaticallyVsByHand(Instant from, Instant to) {
        return fulfilledAutomaticallyVsByHand(Period.of(from, to), desks());
    }

    private FulfilmentSplit fulfilledAutomaticallyVsByHand(Period period, DeskFilter desks) {
        // 'DONE' is the fulfilment's final state (Fulfilment.State, internal to the fulfilment feature).
        List<DayTotals> rows = jdbc.query("""
                SELECT t.utc_day, SUM(t.automatic) AS numerator, COUNT(*) AS denominator, 0 AS total FROM (
                    SELECT %s AS utc_day, CASE WHEN f.state = 'DONE' THEN 1 ELSE 0 END AS automatic
                    FROM service_request r LEFT JOIN fulfilment f ON f.request_number = r.number
                    WHERE r.status = :fulfilled AND r.closed_at >= :from AND r.closed_at < :to%s) t
                GROUP BY t.utc_day""".formatted(utcDay("r.closed_at"), desks.on("r")),
                desks.bind(period.parameters()).addValue("fulfilled", RequestStatus.FULFILLED.name()), DayTotals::read);
        Map<LocalDate, DayTotals> byDay = new LinkedHashMap<>();
        rows.forEach(d -> byDay.put(d.day(), d));
        List<FulfilmentSplit.Day> series = period.days().stream().map(day -> {
            DayTotals d = byDay.get(day);
            return d == null ? new FulfilmentSplit.Day(day, 0, 0)
                    : new FulfilmentSplit.Day(day, d.numerator(), d.denominator() - d.numerator());
        }).toList();
        return new FulfilmentSplit(series.stream().mapToLong(FulfilmentSplit.Day::automatic).sum(),
                series.stream().mapToLong(FulfilmentSplit.Day::byHand).sum(), series);
    }

    /**
     * {@code csat}, out of 5: the mean score of the ratings given in the period. Numerator: ratings of 4 or 5
     * (satisfied); denominator: all ratings.
     */
    public Figure customerSatisfaction(Instant from, Instant to) {
        return customerSatisfaction(Period.of(from, to), desks());
    }

    private Figure customerSatisfaction(Period period, DeskFilter desks) {
        List<DayTotals> days = jdbc.query("""
                SELECT t.utc_day, SUM(t.satisfied) AS numerator, COUNT(*) AS denominator, SUM(t.score) AS total FROM (
                    SELECT %s AS utc_day, CASE WHEN r.score >= 4 THEN 1 ELSE 0 END AS satisfied, r.score AS score
                    FROM satisfaction_rating r WHERE r.rated_at >= :from AND r.rated_at < :to%s) t
                GROUP BY t.utc_day""".formatted(utcDay("r.rated_at"), desks.onRatedTicket("r")),
                desks.bind(period.parameters()), DayTotals::read);
        return Figures.mean("csat", "/5", period, days, days.stream().mapToLong(DayTotals::numerator).sum());
    }
}
