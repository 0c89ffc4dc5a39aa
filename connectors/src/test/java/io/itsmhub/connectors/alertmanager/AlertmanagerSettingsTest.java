package io.itsmhub.connectors.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Needs no Alertmanager, so it runs everywhere. */
class AlertmanagerSettingsTest {

    @ParameterizedTest(name = "user={0}")
    @CsvSource(nullValues = "null", value = {"ops, pa55word-Xy, null", "null, null, tok-3n-Zq", "ops, pa55word-Xy, tok-3n-Zq"})
    void toStringNeverShowsSecrets(String username, String password, String token) {
        String text = new AlertmanagerSettings(URI.create("http://am:9093"), username, password, token, null).toString();

        assertThat(text).doesNotContain("pa55word-Xy").doesNotContain("tok-3n-Zq").contains("<secret>");
    }

    @Test
    void bindsFromPropertiesWithDefaultsAndIgnoresTheOtherKeysOfThePrefix() {
        Map<String, String> properties = Map.of(
                "hub.alertmanager.bearer-token", "t0k",
                "hub.alertmanager.webhook-token", "bound elsewhere",
                "hub.alertmanager.reopen-window", "PT30M");

        AlertmanagerSettings settings = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hub.alertmanager", AlertmanagerSettings.class);

        assertThat(settings.url()).isEqualTo(URI.create("http://localhost:9093"));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.bearerToken()).isEqualTo("t0k");
        assertThat(settings.username()).isNull();
    }

    @Test
    void bindsAnExplicitUrlAndTimeout() {
        AlertmanagerSettings settings = new Binder(new MapConfigurationPropertySource(Map.of(
                "hub.alertmanager.url", "https://am.example:9443/prefix", "hub.alertmanager.timeout", "750ms")))
                .bindOrCreate("hub.alertmanager", AlertmanagerSettings.class);

        assertThat(settings.url()).isEqualTo(URI.create("https://am.example:9443/prefix"));
        assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(750));
    }
}
