package io.itsmhub.hub.scaleout;

import io.itsmhub.hub.scaleout.HubApi.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A person working incidents through the API on whichever hub the balancer picks: resolves some as fixed, then
 * reopens some of those. A call cut off by a kill is sent to the next hub; if the dead hub had applied it, the next
 * hub answers 409 and the incident already shows the wanted state, which counts as done.
 */
final class Agent {

    /** What the agent did, which of its calls failed, and how long each call took to answer. */
    record Work(List<String> resolved, List<String> reopened, List<String> failures, List<Long> callMillis) {
        List<String> stillResolved() {
            return resolved.stream().filter(n -> !reopened.contains(n)).toList();
        }

        /** The calls' median and slowest answer, as the person felt them. */
        String latency() {
            List<Long> sorted = callMillis.stream().sorted().toList();
            return sorted.isEmpty() ? "no calls" : "median " + sorted.get(sorted.size() / 2) + " ms, slowest "
                    + sorted.get(sorted.size() - 1) + " ms";
        }
    }

    private final HubApi api;
    private final AtomicInteger resolvedSoFar = new AtomicInteger();
    private final List<Long> callMillis = new java.util.concurrent.CopyOnWriteArrayList<>();

    Agent(HubApi api) {
        this.api = api;
    }

    /** Creates the agent through the API as the administrator. */
    static Agent create(HubApi admin, List<HubProcess> hubs, String username, String password) {
        Answer created = admin.put("/api/v1/users/" + username, """
                {"username":"%s","displayName":"Sam Agent","email":"sam@example.com","password":"%s","roles":["AGENT"]}"""
                .formatted(username, password));
        if (!created.ok()) {
            throw new IllegalStateException("creating the agent " + username + ": " + created);
        }
        return new Agent(new HubApi(hubs, username, password));
    }

    /** Resolves each of {@code incidents} in turn, then reopens every third of them, {@code reopen} at most. */
    Work resolveThenReopen(List<String> incidents, int reopen) {
        List<String> failures = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        for (String number : incidents) {
            if (act(number, "resolve", "{\"resolutionCode\":\"fixed\",\"note\":\"probe restarted\"}", "RESOLVED", failures)) {
                resolved.add(number);
                resolvedSoFar.incrementAndGet();
            }
        }
        List<String> reopened = new ArrayList<>();
        for (int i = 0; i < resolved.size() && reopened.size() < reopen; i += 3) {
            String number = resolved.get(i);
            if (act(number, "reopen", "{\"reason\":\"the probe fails again\"}", "IN_PROGRESS", failures)) {
                reopened.add(number);
            }
        }
        return new Work(resolved, reopened, failures, List.copyOf(callMillis));
    }

    /** How many incidents the agent has resolved so far (while {@link #resolveThenReopen} runs). */
    int resolvedSoFar() {
        return resolvedSoFar.get();
    }

    private boolean act(String number, String action, String body, String wanted, List<String> failures) {
        long started = System.nanoTime();
        Answer answer = api.post("/api/v1/incidents/" + number + "/" + action, body);
        callMillis.add((System.nanoTime() - started) / 1_000_000);
        if (answer.ok()) {
            return true;
        }
        if (answer.status() == 409) {
            Answer now = api.get("/api/v1/incidents/" + number);
            if (now.ok() && now.body().contains("\"status\":\"" + wanted + "\"")) {
                return true;
            }
        }
        failures.add(action + " " + number + " on " + answer.hub() + ": HTTP " + answer.status() + " " + answer.body());
        return false;
    }
}
