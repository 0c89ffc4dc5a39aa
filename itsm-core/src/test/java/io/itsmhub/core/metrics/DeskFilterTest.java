package io.itsmhub.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsmhub.core.desk.DeskScope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** The metrics' desk condition: none at all for every desk, IN for some, a false one (not "IN ()") for none. */
class DeskFilterTest {

    @Test
    void everyDeskAddsNothingSoTheQueriesStayAsTheyWere() {
        DeskFilter all = new DeskFilter(DeskScope.ALL);

        assertThat(all.on("i")).isEmpty();
        assertThat(all.onRatedTicket("r")).isEmpty();
        assertThat(all.bind(new MapSqlParameterSource()).getParameterNames()).isEmpty();
    }

    @Test
    void someDesksAreAnInListBoundInCodeOrder() {
        DeskFilter some = new DeskFilter(new DeskScope(false, Set.of("SH", "PD")));

        assertThat(some.on("i")).isEqualTo(" AND i.desk_code IN (:desks)");
        assertThat(some.onRatedTicket("r")).isEqualTo(
                " AND (EXISTS (SELECT 1 FROM incident ri WHERE ri.number = r.ticket_number AND ri.desk_code IN (:desks))"
                        + " OR EXISTS (SELECT 1 FROM service_request rq WHERE rq.number = r.ticket_number"
                        + " AND rq.desk_code IN (:desks)))");
        assertThat(some.bind(new MapSqlParameterSource()).getValue("desks")).isEqualTo(List.of("PD", "SH"));
    }

    @Test
    void noDeskIsAConditionNoRowMeets() {
        DeskFilter none = new DeskFilter(new DeskScope(false, Set.of()));

        assertThat(none.on("i")).isEqualTo(" AND 1 = 0");
        assertThat(none.onRatedTicket("r")).contains("ri.number = r.ticket_number AND 1 = 0")
                .contains("rq.number = r.ticket_number AND 1 = 0");
        assertThat(none.bind(new MapSqlParameterSource()).getParameterNames()).isEmpty();
    }
}
