package io.itsmhub.hub.scaleout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the hubs' shared database holds, read with plain JDBC as an operator's query would. */
final class HubDatabase {

    record Incident(String number, String title, String sourceRef, String status) { }

    private final String url;

    HubDatabase(String url) {
        this.url = url;
    }

    /** The incidents monitoring raised, by number. */
    Map<String, Incident> alertIncidents() throws SQLException {
        Map<String, Incident> found = new TreeMap<>();
        try (Connection db = connect(); ResultSet rs = db.createStatement().executeQuery(
                "SELECT number, title, source_ref, status FROM incident WHERE source = 'alertmanager'")) {
            while (rs.next()) {
                found.put(rs.getString(1), new Incident(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return found;
    }

    int alertIncidentCount() throws SQLException {
        try (Connection db = connect(); ResultSet rs = db.createStatement().executeQuery(
                "SELECT COUNT(*) FROM incident WHERE source = 'alertmanager'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Up to {@code max} incidents still NEW whose title starts with {@code titlePrefix}, oldest first. */
    List<String> newIncidents(String titlePrefix, int max) throws SQLException {
        return strings("""
                SELECT number FROM incident WHERE source = 'alertmanager' AND status = 'NEW' AND title LIKE ?
                ORDER BY number FETCH FIRST ? ROWS ONLY""", titlePrefix + "%", max);
    }

    /** A ticket's journal, one line per entry: at, actor, kind, field, new value, message key and arguments (or text). */
    List<String> journal(String number) throws SQLException {
        return strings("""
                SELECT at || ' ' || actor || ' ' || kind || ' ' || COALESCE(field, '-') || ' ' || COALESCE(new_value, '-')
                       || ' ' || COALESCE(message_key || ' ' || message_args, message, '')
                FROM journal_entry WHERE ticket_number = ? ORDER BY id""", number);
    }

    /**
     * A ticket's outbox events: type, status, attempts, claimed by. For the report only (the table is this branch's
     * delivery engine); a schema without it gives a note instead.
     */
    List<String> outboxEvents(String number) {
        try {
            return strings("""
                    SELECT type || ' ' || status || ' attempts=' || attempts || ' claimed_by=' || COALESCE(claimed_by, '-')
                    FROM outbox_event WHERE ticket_number = ? ORDER BY position""", number);
        } catch (SQLException e) {
            return List.of("(outbox_event not readable: " + e.getMessage() + ")");
        }
    }

    /**
     * The errors outbox events carry right now, as {@code type: error} (the error cut to 200 characters). A handler's
     * failure is recorded only there (and cleared once a retry succeeds), so the test samples it while it runs.
     */
    List<String> outboxErrorsNow() {
        try {
            return strings("""
                    SELECT type || ': ' || SUBSTRING(last_error FROM 1 FOR 200) FROM outbox_event
                    WHERE last_error IS NOT NULL""");
        } catch (SQLException e) {
            return List.of("(outbox_event not readable: " + e.getMessage() + ")");
        }
    }

    private List<String> strings(String sql, Object... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }
}
