package io.itsmhub.hub.scaleout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of a run, and the details behind any that went wrong, written as plain text for a person to read
 * beside the hubs' logs: one line per figure, then each non-empty detail with its entries one per line.
 */
final class ScaleOutReport {

    private final Path file;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    ScaleOutReport(Path file) {
        this.file = file;
    }

    void figure(String name, Object value) {
        figures.put(name, value);
    }

    /** What lies behind a figure (lists, maps); written only when not empty. */
    void detail(String name, Object value) {
        details.put(name, value);
    }

    /** Writes the report as it stands; called again after more figures, it overwrites. */
    void write() {
        StringBuilder text = new StringBuilder("Several hubs: figures of the last run\n\n");
        figures.forEach((name, value) -> text.append(String.format("%-45s %s%n", name + ":", value)));
        details.forEach((name, value) -> {
            if (!isEmpty(value)) {
                text.append('\n').append(name).append(":\n");
                append(text, value, "  ");
            }
        });
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            // the report must never hide the test's own failure
            System.err.println("cannot write " + file + ": " + e);
        }
    }

    private static void append(StringBuilder text, Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                if (inner instanceof Map<?, ?> || inner instanceof Collection<?>) {
                    text.append(indent).append(key).append(":\n");
                    append(text, inner, indent + "  ");
                } else {
                    text.append(indent).append(key).append(": ").append(inner).append('\n');
                }
            });
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> text.append(indent).append(item).append('\n'));
        } else {
            text.append(indent).append(value).append('\n');
        }
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof Map<?, ?> m && m.isEmpty() || value instanceof Collection<?> c && c.isEmpty();
    }
}
