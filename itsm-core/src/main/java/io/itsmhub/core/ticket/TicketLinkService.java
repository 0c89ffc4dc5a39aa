package io.itsmhub.core.ticket;

import io.itsmhub.core.common.ConflictException;
import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.ticket.TicketLink.Kind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links between tickets of any types: parent/child, caused-by, duplicate-of, related. Both tickets must exist and be
 * visible to whoever links them (a branch agent cannot learn of a head-office ticket by linking to its number); both
 * journals say so. A ticket has one parent and is the duplicate of one ticket at most; a ticket never links to itself.
 */
@Service
@Transactional
public class TicketLinkService {

    /** Enough for a major incident with its children; more is a runaway integration. */
    static final int MAX_LINKS = 500;

    private final TicketKernel kernel;
    private final JdbcTemplate jdbc;
    private final Journal journal;
    private final CurrentUser currentUser;
    private final Clock clock;

    TicketLinkService(TicketKernel kernel, JdbcTemplate jdbc, Journal journal, CurrentUser currentUser, Clock clock) {
        this.kernel = kernel;
        this.jdbc = jdbc;
        this.journal = journal;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public List<TicketLink.Seen> link(String from, Kind kind, String to) {
        if (from.equals(to)) {
            throw InvalidInputException.of("to", "a ticket cannot link to itself");
        }
        Ticket source = kernel.load(from);
        Ticket target = kernel.load(to);
        boolean single = kind == Kind.CHILD_OF || kind == Kind.DUPLICATE_OF;
        if (single && count("SELECT COUNT(*) FROM ticket_link WHERE from_number = ? AND kind = ?", from, kind.name()) > 0) {
            throw new ConflictException("Already linked", from + " already is " + kind.name().toLowerCase().replace('_', ' ')
                    + " another ticket: remove that link first");
        }
        if (count("SELECT COUNT(*) FROM ticket_link WHERE from_number = ? OR to_number = ?", from, from) >= MAX_LINKS) {
            throw new ConflictException("Too many links", from + " has " + MAX_LINKS + " links already");
        }
        if (count("SELECT COUNT(*) FROM ticket_link WHERE (from_number = ? AND to_number = ?) OR (from_number = ? AND to_number = ?)",
                from, to, to, from) > 0) {
            throw new ConflictException("Already linked", from + " and " + to + " are linked already");
        }
        Instant now = clock.instant();
        String actor = currentUser.username();
        jdbc.update("INSERT INTO ticket_link (from_number, kind, to_number, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
                from, kind.name(), to, actor, Timestamp.from(now));
        journal.note(from, actor, JournalMessage.of(JournalKeys.linked(kind.name()), to));
        journal.note(to, actor, JournalMessage.of(JournalKeys.linked(kind.inverse()), from));
        source.touch(now);
        target.touch(now);
        return links(from);
    }

    public List<TicketLink.Seen> unlink(String from, Kind kind, String to) {
        kernel.load(from);
        kernel.load(to);
        if (jdbc.update("DELETE FROM ticket_link WHERE from_number = ? AND kind = ? AND to_number = ?", from, kind.name(), to) == 0) {
            throw new io.itsmhub.core.common.TicketNotFoundException("link", from + " " + kind + " " + to);
        }
        String actor = currentUser.username();
        journal.note(from, actor, JournalMessage.of(JournalKeys.unlinked(kind.name()), to));
        journal.note(to, actor, JournalMessage.of(JournalKeys.unlinked(kind.inverse()), from));
        return links(from);
    }

    /** The ticket's links from its side, leaving out tickets the caller does not see. */
    @Transactional(readOnly = true)
    public List<TicketLink.Seen> links(String number) {
        kernel.load(number);
        List<TicketLink.Seen> seen = new ArrayList<>();
        jdbc.query("SELECT * FROM ticket_link WHERE from_number = ? OR to_number = ? ORDER BY created_at",
                rs -> {
                    boolean outgoing = rs.getString("from_number").equals(number);
                    Kind kind = Kind.valueOf(rs.getString("kind"));
                    seen.add(new TicketLink.Seen(outgoing ? rs.getString("to_number") : rs.getString("from_number"),
                            outgoing ? kind.name() : kind.inverse(), rs.getString("created_by"),
                            rs.getTimestamp("created_at").toInstant()));
                }, number, number);
        return seen.stream().filter(link -> kernel.visible(link.number())).toList();
    }

    private int count(String sql, Object... args) {
        Integer count = jdbc.queryForObject(sql, Integer.class, args);
        return count == null ? 0 : count;
    }
}
