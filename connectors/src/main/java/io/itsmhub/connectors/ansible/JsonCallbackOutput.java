package io.itsmhub.connectors.ansible;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the {@code ansible.posix.json} stdout callback prints once the playbook ends:
 * {@code {"plays": [{"tasks": [{"task": {"name"}, "hosts": {host: result}}]}], "stats": {host: counts}}}.
 * With {@code ANSIBLE_JSON_INDENT=0} that document is one line, the last one starting with '{'.
 */
final class JsonCallbackOutput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 500;

    /** One task result on one host, in the order Ansible ran them. */
    record TaskOutcome(String host, String task, String status, String message) {
    }

    private final Map<String, HostResult> hosts;
    private final List<TaskOutcome> outcomes;
    private final int taskCount;

    private JsonCallbackOutput(Map<String, HostResult> hosts, List<TaskOutcome> outcomes, int taskCount) {
        this.hosts = hosts;
        this.outcomes = outcomes;
        this.taskCount = taskCount;
    }

    /** The parsed output, or empty when stdout holds no JSON document (Ansible stopped before the plays). */
    static Optional<JsonCallbackOutput> parse(String stdout) {
        String document = lastJsonLine(stdout);
        if (document == null) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!root.path("stats").isObject()) {
            return Optional.empty();
        }
        List<TaskOutcome> outcomes = new ArrayList<>();
        int taskCount = 0;
        for (JsonNode play : root.path("plays")) {
            for (JsonNode task : play.path("tasks")) {
                taskCount++;
                String name = task.path("task").path("name").asText("");
                task.path("hosts").fields().forEachRemaining(host -> outcomes.add(
                        new TaskOutcome(host.getKey(), name, status(host.getValue()), message(host.getValue()))));
            }
        }
        Map<String, HostResult> hosts = new LinkedHashMap<>();
        root.path("stats").fields().forEachRemaining(entry -> {
            String host = entry.getKey();
            JsonNode s = entry.getValue();
            List<String> failedTasks = outcomes.stream()
                    .filter(o -> o.host().equals(host))
                    .filter(o -> o.status().equals("failed") || o.status().equals("unreachable"))
                    .map(o -> o.task() + ": " + o.message())
                    .toList();
            hosts.put(host, new HostResult(host, s.path("ok").asInt(), s.path("changed").asInt(),
                    s.path("failures").asInt(), s.path("unreachable").asInt(), s.path("skipped").asInt(),
                    // Failures under ignore_errors or rescued by a block are no failures of the host.
                    s.path("failures").asInt() + s.path("unreachable").asInt() > 0 ? failedTasks : List.of()));
        });
        return Optional.of(new JsonCallbackOutput(hosts, List.copyOf(outcomes), taskCount));
    }

    Map<String, HostResult> hosts() {
        return hosts;
    }

    List<TaskOutcome> outcomes() {
        return outcomes;
    }

    int taskCount() {
        return taskCount;
    }

    boolean anyUnreachable() {
        return hosts.values().stream().anyMatch(h -> h.unreachable() > 0);
    }

    /** {@code "host: task: message"} per failed task, one a line; null when nothing failed. */
    String failureSummary() {
        List<String> lines = new ArrayList<>();
        hosts.values().forEach(h -> h.failedTasks().forEach(t -> lines.add(h.host() + ": " + t)));
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static String lastJsonLine(String stdout) {
        String[] lines = stdout.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("{")) {
                return lines[i];
            }
        }
        return null;
    }

    private static String status(JsonNode result) {
        if (result.path("unreachable").asBoolean() || firstItem(result, "unreachable") != null) {
            return "unreachable";
        }
        if (result.path("failed").asBoolean()) {
            return "failed";
        }
        if (result.path("skipped").asBoolean()) {
            return "skipped";
        }
        return result.path("changed").asBoolean() ? "changed" : "ok";
    }

    /**
     * A loop's result says only "One or more items failed" (and, when the host became unreachable, nothing at
     * all at the top): the item results say what happened.
     */
    private static JsonNode firstItem(JsonNode result, String flag) {
        for (JsonNode item : result.path("results")) {
            if (item.path(flag).asBoolean()) {
                return item;
            }
        }
        return null;
    }

    /** The module's msg, and the first line of its stderr when it has one (a failed command says why there). */
    private static String message(JsonNode result) {
        JsonNode item = firstItem(result, "unreachable");
        item = item != null ? item : firstItem(result, "failed");
        if (item != null) {
            String label = item.path("_ansible_item_label").asText(item.path("item").toString());
            return "item " + label + ": " + message(item);
        }
        JsonNode msg = result.path("msg");
        String text = msg.isMissingNode() || msg.isNull() ? "" : msg.isTextual() ? msg.asText() : msg.toString();
        String stderr = result.path("stderr").asText("").strip();
        if (!stderr.isEmpty()) {
            String first = stderr.lines().findFirst().orElse("");
            text = text.isEmpty() ? first : text + " (" + first + ")";
        }
        if (text.isEmpty()) {
            text = "failed";
        }
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
    }
}
