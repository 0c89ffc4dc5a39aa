package io.itsmhub.core.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A journal as the API answers it (a JSON array of lines), read the way the journal tests read it. */
final class JournalJson {

    private JournalJson() { }

    /** The line whose message is {@code message}; fails the test when there is none. */
    static JsonNode line(JsonNode journal, String message) {
        for (JsonNode line : journal) {
            if (message.equals(line.path("message").asText())) {
                return line;
            }
        }
        throw new AssertionError("no journal line '" + message + "' in " + journal);
    }

    static List<String> messages(JsonNode journal) {
        List<String> out = new ArrayList<>();
        journal.forEach(l -> out.add(l.path("message").asText("")));
        return out;
    }
}
