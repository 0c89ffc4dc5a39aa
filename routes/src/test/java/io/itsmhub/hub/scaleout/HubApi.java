package io.itsmhub.hub.scaleout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hubs' REST API as a person reaches it behind a load balancer: each call goes to the next hub in turn, and a
 * hub that does not answer (killed, restarting) is skipped for the next one, as a balancer's health check would.
 */
final class HubApi {

    /** An answer, and which hub gave it. */
    record Answer(int status, String body, String hub) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final List<HubProcess> hubs;
    private final String authorization;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    HubApi(List<HubProcess> hubs, String user, String password) {
        this.hubs = List.copyOf(hubs);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, String json) {
        return send("POST", path, json);
    }

    Answer put(String path, String json) {
        return send("PUT", path, json);
    }

    /**
     * Sends to the next hub that answers. A call cut off mid-way (the hub killed after it took the request) may or
     * may not have been applied; the caller sees the next hub's answer to the same call and decides.
     */
    private Answer send(String method, String path, String json) {
        IOException last = null;
        for (int tried = 0; tried < hubs.size() * 2; tried++) {
            HubProcess hub = hubs.get(Math.floorMod(next.getAndIncrement(), hubs.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.url() + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization)
                    .header("Accept", "application/json");
            if (json == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            }
            try {
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(answer.statusCode(), answer.body(), hub.name());
            } catch (IOException down) {
                last = down; // that hub is down or restarting: the balancer tries the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(method + " " + path + " interrupted", e);
            }
        }
        throw new IllegalStateException(method + " " + path + ": no hub answered", last);
    }
}
