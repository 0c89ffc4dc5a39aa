package io.itsmhub.core.desk;

import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.ShortMemory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which desk a new ticket goes to: the first routing rule that matches, else the requester's home desk, else the head
 * office. Rules are replaced as a whole (an ordered list is edited as one), by administrators.
 */
@Service
@Transactional
public class DeskRouting {

    /** Enough for 31 branches routed by location and category; a list longer than this is a mistake, not a setup. */
    static final int MAX_RULES = 500;

    private final JdbcTemplate jdbc;
    private final DeskService desks;
    /** Every new ticket asks: read at most once per {@link ShortMemory#HOLD} per hub. */
    private final ShortMemory<String, List<RoutingRule>> remembered = new ShortMemory<>(1);

    DeskRouting(JdbcTemplate jdbc, DeskService desks) {
        this.jdbc = jdbc;
        this.desks = desks;
    }

    /** The desk for a new ticket and the rule that chose it (0 when none did). */
    public record Placement(String desk, int rule) { }

    @Transactional(readOnly = true)
    public Placement place(RoutingFacts facts) {
        List<RoutingRule> rules = remembered.get("rules", all -> rules());
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).matches(facts) && desks.exists(rules.get(i).desk())) {
                return new Placement(rules.get(i).desk(), i + 1);
            }
        }
        String home = facts.homeDesk() != null && desks.exists(facts.homeDesk()) ? facts.homeDesk() : DeskService.ROOT;
        return new Placement(home, 0);
    }

    @Transactional(readOnly = true)
    public List<RoutingRule> rules() {
        return jdbc.query("SELECT * FROM desk_routing_rule ORDER BY position", (rs, n) -> new RoutingRule(
                rs.getString("ticket_type"), rs.getString("department"), rs.getString("location"),
                rs.getString("category"), rs.getString("service"), rs.getString("desk_code")));
    }

    public List<RoutingRule> replace(List<RoutingRule> rules) {
        if (rules.size() > MAX_RULES) {
            throw InvalidInputException.of("rules", "at most " + MAX_RULES + " rules");
        }
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (!desks.exists(rules.get(i).desk())) {
                errors.add(new InvalidInputException.FieldError("rules[" + i + "].desk", "no desk " + rules.get(i).desk()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        remembered.forget();
        jdbc.update("DELETE FROM desk_routing_rule");
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule rule = rules.get(i);
            jdbc.update("INSERT INTO desk_routing_rule (position, ticket_type, department, location, category, service, "
                    + "desk_code) VALUES (?, ?, ?, ?, ?, ?, ?)", i + 1, rule.ticketType(), rule.department(),
                    rule.location(), rule.category(), rule.service(), rule.desk());
        }
        remembered.forget();
        return rules();
    }
}
