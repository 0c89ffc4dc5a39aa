package io.itsmhub.core.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.List;

/**
 * A line's arguments in {@code journal_entry.message_args}: a JSON array of strings, the same text on H2 and
 * PostgreSQL. Its own mapper, not the ticket package's JsonColumn: the journal sits below the ticket kernel.
 */
@Converter
class JournalArgs implements AttributeConverter<List<String>, String> {

    /** The column's size: what a line's arguments may take once written as JSON. */
    static final int MAX_JSON = 10_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    @Override
    public String convertToDatabaseColumn(List<String> args) {
        return args == null ? null : write(args);
    }

    @Override
    public List<String> convertToEntityAttribute(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("journal arguments are not a JSON array of strings", e);
        }
    }

    /**
     * The arguments cut to fit the column, longest first (an alert's annotations, a peer's error), each cut marked
     * with "…" as the message column always was: a long argument must not make the change it describes fail.
     */
    static List<String> fit(List<String> args) {
        if (args.stream().mapToInt(a -> a.length() * 6 + 3).sum() + 2 <= MAX_JSON) {
            return args; // fits even if every character took a six-character escape: no JSON written twice per line
        }
        List<String> out = new ArrayList<>(args);
        for (int round = 0; round <= out.size(); round++) {
            int excess = write(out).length() - MAX_JSON;
            if (excess <= 0) {
                return out;
            }
            int longest = 0;
            for (int i = 1; i < out.size(); i++) {
                longest = out.get(i).length() > out.get(longest).length() ? i : longest;
            }
            String cut = out.get(longest);
            // escaping only makes the JSON longer than the text: dropping excess + 1 characters fits, unless this
            // argument is shorter than the excess, and then the next round cuts the next longest
            out.set(longest, cut.substring(0, Math.max(0, cut.length() - excess - 1)) + "…");
        }
        return out;
    }

    private static String write(List<String> args) {
        try {
            return MAPPER.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("journal arguments cannot be written as JSON", e);
        }
    }
}
