package io.itsmhub.connectors.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's protocol as raw HTTP, for what other modules' tests rely on beyond {@link RestJenkinsClient}'s
 * needs; the shapes follow Jenkins 2.4xx answers.
 */
class JenkinsSimulatorTest {

    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
            (JenkinsSimulator.USER + ":" + JenkinsSimulator.API_TOKEN).getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    private JenkinsSimulator jenkins;

    @BeforeEach
    void start() {
        jenkins = new JenkinsSimulator().start();
    }

    @AfterEach
    void stop() {
        jenkins.close();
    }

    @Test
    void anonymousRequestsAreForbiddenAndBadCredentialsChallenged() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(jenkins.url().resolve("api/json")).GET(), null);
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(jenkins.url().resolve("api/json"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("hub:nope".getBytes())).GET(), null);

        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.headers().firstValue("X-You-Are-Authenticated-As")).contains("anonymous");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Jenkins\"");
        assertThat(wrong.body()).contains("Invalid password/token for user: hub");
    }

    @Test
    void theCrumbIssuerGuardsEveryPostUnlessSwitchedOff() throws Exception {
        jenkins.job("deploy");
        JsonNode crumb = json.readTree(get("crumbIssuer/api/json").body());
        assertThat(crumb.path("_class").asText()).isEqualTo("hudson.security.csrf.DefaultCrumbIssuer");
        assertThat(crumb.path("crumbRequestField").asText()).isEqualTo("Jenkins-Crumb");

        HttpResponse<String> withoutCrumb = post("job/deploy/build", null, "");
        HttpResponse<String> withCrumb = post("job/deploy/build", crumb.path("crumb").asText(), "");
        jenkins.crumbIssuer(false);

        assertThat(withoutCrumb.statusCode()).isEqualTo(403);
        assertThat(withoutCrumb.body()).contains("No valid crumb was included in the request");
        assertThat(withCrumb.statusCode()).isEqualTo(201);
        assertThat(get("crumbIssuer/api/json").statusCode()).isEqualTo(404);
        assertThat(post("job/deploy/build", null, "").statusCode()).isEqualTo(201);
    }

    @Test
    void aTriggerAnswersAnAbsoluteQueueLocationAndJenkinsMergesIdenticalWaitingTriggers() throws Exception {
        jenkins.crumbIssuer(false);
        jenkins.job("a/deploy").parameters("VERSION").holdInQueue();

        HttpResponse<String> first = post("job/a/job/deploy/buildWithParameters", null, "VERSION=1");
        HttpResponse<String> same = post("job/a/job/deploy/buildWithParameters?VERSION=1", null, "");
        HttpResponse<String> other = post("job/a/job/deploy/buildWithParameters", null, "VERSION=2");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).matches("http://127\\.0\\.0\\.1:\\d+/queue/item/\\d+/"));
        assertThat(same.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(other.headers().firstValue("Location")).isNotEqualTo(first.headers().firstValue("Location"));
        assertThat(jenkins.triggers("a/deploy")).hasSize(3);
        assertThat(json.readTree(get("queue/api/json").body()).path("items")).hasSize(2);
    }

    @Test
    void aQueueItemWaitsThenLeavesWithItsExecutableAndKeepsOnlyDeclaredParameters() throws Exception {
        jenkins.crumbIssuer(false);
        jenkins.job("deploy").parameter("VERSION", "latest").parameter("ENV", "staging")
                .queueFor(Duration.ofMillis(300), "In the quiet period. Expires in 0.3 sec").holdRunning();
        String item = URI.create(post("job/deploy/buildWithParameters", null, "ENV=prod&UNDECLARED=x")
                .headers().firstValue("Location").orElseThrow()).getPath();

        JsonNode waiting = json.readTree(get(item.substring(1) + "api/json").body());
        assertThat(waiting.path("_class").asText()).isEqualTo("hudson.model.Queue$WaitingItem");
        assertThat(waiting.path("why").asText()).isEqualTo("In the quiet period. Expires in 0.3 sec");
        assertThat(waiting.has("executable")).isFalse();
        assertThat(waiting.path("params").asText()).isEqualTo("\nVERSION=latest\nENV=prod");
        assertThat(waiting.path("actions").get(0).path("parameters").findValuesAsText("name"))
                .containsExactly("VERSION", "ENV");
        assertThat(waiting.path("task").path("url").asText()).isEqualTo(jenkins.url() + "job/deploy/");

        JsonNode left = await().atMost(Duration.ofSeconds(5)).until(
                () -> json.readTree(get(item.substring(1) + "api/json").body()), n -> n.hasNonNull("executable"));
        assertThat(left.path("_class").asText()).isEqualTo("hudson.model.Queue$LeftItem");
        assertThat(left.path("executable").path("url").asText()).isEqualTo(jenkins.url() + "job/deploy/1/");
        JsonNode build = json.readTree(get("job/deploy/1/api/json").body());
        assertThat(build.path("building").asBoolean()).isTrue();
        assertThat(build.path("result").isNull()).isTrue();
        assertThat(build.path("duration").asLong()).isZero();
        assertThat(build.path("queueId").asLong()).isEqualTo(waiting.path("id").asLong());
        JsonNode job = json.readTree(get("job/deploy/api/json").body());
        assertThat(job.path("nextBuildNumber").asInt()).isEqualTo(2);
        assertThat(job.path("lastBuild").path("number").asInt()).isEqualTo(1);
    }

    @Test
    void stopRedirectsToTheBuildAndCancelAnswersLikeJenkins() throws Exception {
        jenkins.crumbIssuer(false);
        jenkins.job("deploy").holdRunning();
        String running = URI.create(post("job/deploy/build", null, "").headers().firstValue("Location").orElseThrow())
                .getPath().replaceAll("\\D+", "");
        await().atMost(Duration.ofSeconds(5)).until(() -> jenkins.job("deploy").buildCount() == 1);
        jenkins.job("deploy").holdInQueue();
        String waiting = URI.create(post("job/deploy/build", null, "").headers().firstValue("Location").orElseThrow())
                .getPath().replaceAll("\\D+", "");

        HttpResponse<String> stop = post("job/deploy/1/stop", null, "");
        assertThat(stop.statusCode()).isEqualTo(302);
        assertThat(stop.headers().firstValue("Location")).contains(jenkins.url() + "job/deploy/1/");
        assertThat(json.readTree(get("job/deploy/1/api/json").body()).path("result").asText()).isEqualTo("ABORTED");

        assertThat(post("queue/cancelItem?id=" + waiting, null, "").statusCode()).isEqualTo(204);
        assertThat(post("queue/cancelItem", null, "id=" + waiting).statusCode()).as("left the queue").isEqualTo(500);
        assertThat(post("queue/cancelItem?id=" + running, null, "").statusCode()).as("started").isEqualTo(500);
        assertThat(post("queue/cancelItem?id=4242", null, "").statusCode()).isEqualTo(404);
        assertThat(json.readTree(get("queue/item/" + waiting + "/api/json").body()).path("cancelled").asBoolean())
                .isTrue();
    }

    @Test
    void buildWithParametersOnAJobWithoutParametersFailsAsInJenkins() throws Exception {
        jenkins.crumbIssuer(false);
        jenkins.job("plain");

        HttpResponse<String> answer = post("job/plain/buildWithParameters", null, "X=1");

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("This build is not parameterized!");
        assertThat(get("job/nope/api/json").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(jenkins.url().resolve(path)).header("Authorization", BASIC).GET(), null);
    }

    private HttpResponse<String> post(String path, String crumb, String form) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(jenkins.url().resolve(path))
                .header("Authorization", BASIC)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        return send(request, crumb);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String crumb) throws IOException, InterruptedException {
        if (crumb != null) {
            request.header(JenkinsSimulator.CRUMB_FIELD, crumb);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
