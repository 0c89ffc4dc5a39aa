package io.itsmhub.connectors.oa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class OaSettingsTest {

    @Test
    void defaultsApplyWithoutSpring() {
        OaSettings settings = OaSettings.of(URI.create("https://oa.example/api/approvals"), "s3cret");

        assertThat(settings.maxSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.configured()).isTrue();
    }

    @Test
    void bindsFromProperties() {
        OaSettings settings = bind(Map.of("hub.oa.url", "https://oa.example/api/approvals", "hub.oa.secret", "s3cret",
                "hub.oa.max-skew", "2m"));

        assertThat(settings.maxSkew()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.secret()).isEqualTo("s3cret");
    }

    @Test
    void aUrlNeedsASecret() {
        assertThatThrownBy(() -> bind(Map.of("hub.oa.url", "https://oa.example/api/approvals")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("hub.oa.secret is required");
    }

    @Test
    void withoutAUrlNoClientCanBeMade() {
        OaSettings settings = bind(Map.of("hub.oa.secret", "s3cret"));

        assertThat(settings.configured()).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpOaClient(settings))
                .withMessageContaining("hub.oa.url");
    }

    @Test
    void refusesANonPositiveSkew() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OaSettings(null, "s", Duration.ZERO, null))
                .withMessageContaining("hub.oa.max-skew");
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertThat(OaSettings.of(URI.create("https://oa.example/api"), "s3cret-Oa-77").toString())
                .doesNotContain("s3cret-Oa-77").contains("secret=<secret>");
    }

    private static OaSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("hub.oa", OaSettings.class);
    }
}
