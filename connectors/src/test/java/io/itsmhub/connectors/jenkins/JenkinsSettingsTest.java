package io.itsmhub.connectors.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class JenkinsSettingsTest {

    private static final URI URL = URI.create("https://ci.example/jenkins/");

    @Test
    void toStringNeverShowsTheToken() {
        String text = JenkinsSettings.of(URL, "hub", "11f0e9d8c7-secret").toString();

        assertThat(text).doesNotContain("11f0e9d8c7-secret").contains("apiToken=<secret>").contains("user=hub");
    }

    @Test
    void defaultsApplyWithoutSpring() {
        JenkinsSettings settings = JenkinsSettings.of(URL, "hub", "t0k");

        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.queueTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.configured()).isTrue();
    }

    @Test
    void bindsWithDefaultsAndIgnoresTheOtherKeysOfThePrefix() {
        JenkinsSettings settings = bind(Map.of(
                "hub.jenkins.url", "https://ci.example",
                "hub.jenkins.user", "hub",
                "hub.jenkins.api-token", "t0k",
                "hub.jenkins.poll-interval", "500ms",
                "hub.jenkins.jobs.deploy-prod", "payments/deploy-prod",
                "hub.jenkins.correlation-parameter", "HUB_REQUEST"));

        assertThat(settings.url()).isEqualTo(URI.create("https://ci.example"));
        assertThat(settings.apiToken()).isEqualTo("t0k");
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.queueTimeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void withoutAUrlJenkinsIsNotConfiguredAndNoClientCanBeMade() {
        JenkinsSettings settings = bind(Map.of("hub.jenkins.timeout", "3s"));

        assertThat(settings.configured()).isFalse();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThatIllegalStateException().isThrownBy(() -> new RestJenkinsClient(settings))
                .withMessageContaining("hub.jenkins.url");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"timeout", "queue-timeout", "poll-interval"})
    void durationsMustBePositive(String key) {
        assertThatThrownBy(() -> bind(Map.of("hub.jenkins.url", "https://ci.example", "hub.jenkins.user", "hub",
                        "hub.jenkins.api-token", "t", "hub.jenkins." + key, "0s")))
                .isInstanceOf(BindException.class)
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hub.jenkins." + key + " must be positive");
    }

    @Test
    void aUrlNeedsAUserAndAToken() {
        assertThatIllegalArgumentException().isThrownBy(() -> JenkinsSettings.of(URL, "hub", null))
                .withMessageContaining("hub.jenkins.api-token");
        assertThatIllegalArgumentException().isThrownBy(() -> JenkinsSettings.of(URL, " ", "t0k"))
                .withMessageContaining("hub.jenkins.user");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JenkinsSettings.of(URI.create("https://hub:s3cr3t@ci.example"), "hub", "t0k"))
                .withMessageNotContaining("s3cr3t");
    }

    private static JenkinsSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hub.jenkins", JenkinsSettings.class);
    }
}
