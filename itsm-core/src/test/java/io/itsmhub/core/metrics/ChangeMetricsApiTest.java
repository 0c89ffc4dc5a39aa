package io.itsmhub.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.itsmhub.core.change.ChangeType;
import io.itsmhub.core.change.Outcome;
import io.itsmhub.core.metrics.Figure.Point;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Change success rate and emergency change ratio, from changes worked through ChangeService. */
class ChangeMetricsApiTest extends MetricsFixtures {

    @Test
    void theSuccessRateCountsOutcomesByWhenTheReviewRecordedThem() {
        String reviewedBefore = reviewedChange("2006-05-30T09:00:00Z", "2006-05-31T09:00:00Z", "2006-05-31T23:00:00Z", Outcome.SUCCESSFUL);
        at("2006-06-01T10:00:00Z", "carol", () -> changes.close(reviewedBefore, "closed in the period, reviewed before it"));
        reviewedChange("2006-05-30T09:00:00Z", "2006-06-01T09:00:00Z", "2006-06-01T10:00:00Z", Outcome.SUCCESSFUL);
        String failed = reviewedChange("2006-05-30T09:00:00Z", "2006-06-01T11:00:00Z", "2006-06-01T12:00:00Z", Outcome.FAILED);
        at("2006-06-03T10:00:00Z", "carol", () -> changes.close(failed, "closed after the period, reviewed in it"));
        reviewedChange("2006-06-02T08:00:00Z", "2006-06-02T08:30:00Z", "2006-06-02T09:00:00Z", Outcome.SUCCESSFUL);
        String cancelled = change("2006-06-02T09:00:00Z", ChangeType.NORMAL);
        at("2006-06-02T10:00:00Z", "carol", () -> changes.cancel(cancelled, "not needed"));
        reviewedChange("2006-06-02T20:00:00Z", "2006-06-02T21:00:00Z", "2006-06-03T00:00:00Z", Outcome.SUCCESSFUL); // at the end

        Figure rate = metrics.changeSuccessRate(t("2006-06-01T00:00:00Z"), t("2006-06-03T00:00:00Z"));

        assertThat(rate.key()).isEqualTo("change-success-rate");
        assertThat(rate.unit()).isEqualTo("%");
        assertThat(rate.value()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(rate.numerator()).isEqualTo(2);
        assertThat(rate.denominator()).isEqualTo(3);
        assertThat(rate.series()).containsExactly(new Point(LocalDate.parse("2006-06-01"), 50.0),
                new Point(LocalDate.parse("2006-06-02"), 100.0));

        Figure empty = metrics.changeSuccessRate(t("2006-07-01T00:00:00Z"), t("2006-07-02T00:00:00Z"));
        assertThat(empty.value()).isNull();
        assertThat(empty.numerator()).isZero();
        assertThat(empty.denominator()).isZero();
        assertThat(empty.series()).containsExactly(new Point(LocalDate.parse("2006-07-01"), null));
    }

    @Test
    void theEmergencyRatioIsTheShareOfChangesCreatedInThePeriodThatAreEmergencies() {
        change("2007-08-01T09:00:00Z", ChangeType.EMERGENCY);
        change("2007-08-01T10:00:00Z", ChangeType.NORMAL);
        change("2007-08-02T10:00:00Z", ChangeType.NORMAL);
        change("2007-08-02T11:00:00Z", ChangeType.NORMAL);
        change("2007-07-31T23:59:59Z", ChangeType.EMERGENCY); // just before the period
        change("2007-08-03T00:00:00Z", ChangeType.EMERGENCY); // at its end

        Figure ratio = metrics.emergencyChangeRatio(t("2007-08-01T00:00:00Z"), t("2007-08-03T00:00:00Z"));

        assertThat(ratio.key()).isEqualTo("emergency-change-ratio");
        assertThat(ratio.unit()).isEqualTo("%");
        assertThat(ratio.value()).isEqualTo(25.0);
        assertThat(ratio.numerator()).isEqualTo(1);
        assertThat(ratio.denominator()).isEqualTo(4);
        assertThat(ratio.series()).containsExactly(new Point(LocalDate.parse("2007-08-01"), 50.0),
                new Point(LocalDate.parse("2007-08-02"), 0.0));

        Figure empty = metrics.emergencyChangeRatio(t("2007-09-01T00:00:00Z"), t("2007-09-03T00:00:00Z"));
        assertThat(empty.value()).isNull();
        assertThat(empty.denominator()).isZero();
        assertThat(empty.series()).extracting(Point::value).containsExactly(null, null);
    }
}
