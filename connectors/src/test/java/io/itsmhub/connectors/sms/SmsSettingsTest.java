package io.itsmhub.connectors.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
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
import org.springframework.mock.env.MockEnvironment;

class SmsSettingsTest {

    private static final URI URL = URI.create("https://sms.example/v1/send");
    private static final String TEMPLATE = "{\"phone\":\"${to}\",\"message\":\"${text}\",\"sign\":\"ITSM\"}";

    @Test
    void defaultsApplyWithoutSpring() {
        SmsSettings settings = SmsSettings.of(URL, null, TEMPLATE);

        assertThat(settings.method()).isEqualTo("POST");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.headers()).isEmpty();
        assertThat(settings.configured()).isTrue();
        assertThat(settings.successPointer()).isNull();
    }

    @Test
    void bindsHeadersAndDefaultsFromProperties() {
        SmsSettings settings = bind(Map.of(
                "hub.sms.url", "https://sms.example/v1/send",
                "hub.sms.headers[Authorization]", "Bearer t0k-Sms",
                "hub.sms.headers[X-Api-Key]", "k3y",
                "hub.sms.body-template", TEMPLATE,
                "hub.sms.success-json-path", "result.code",
                "hub.sms.success-value", "0"));

        assertThat(settings.headers()).containsOnly(Map.entry("Authorization", "Bearer t0k-Sms"),
                Map.entry("X-Api-Key", "k3y"));
        assertThat(settings.method()).isEqualTo("POST");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.successPointer().toString()).isEqualTo("/result/code");
    }

    /**
     * Spring resolves {@code ${…}} in every bound value, so a property (or an environment variable TO or TEXT)
     * named like a placeholder would be filled in at startup; {@code \${…}} keeps the placeholder for the client.
     */
    @Test
    void escapedPlaceholdersSurviveSpringsOwnPlaceholderResolution() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("to", "spring-filled")
                .withProperty("hub.sms.url", "https://sms.example/v1/send")
                .withProperty("hub.sms.body-template", "{\"phone\":\"\\${to}\",\"message\":\"${text}\"}");

        SmsSettings settings = Binder.get(environment).bindOrCreate("hub.sms", SmsSettings.class);

        assertThat(settings.bodyTemplate()).isEqualTo("{\"phone\":\"${to}\",\"message\":\"${text}\"}");
    }

    @Test
    void withoutAUrlSmsIsNotConfiguredAndNoClientCanBeMade() {
        SmsSettings settings = bind(Map.of("hub.sms.timeout", "2s"));

        assertThat(settings.configured()).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpSmsClient(settings))
                .withMessageContaining("hub.sms.url");
    }

    @Test
    void toStringNeverShowsHeaderValuesQueryOrTemplate() {
        String text = new SmsSettings(URI.create("https://sms.example/send?apikey=Qk-99"), "put",
                Map.of("Authorization", "Bearer t0k-Sms"), "{\"key\":\"B0dyK3y\",\"to\":\"${to}\",\"t\":\"${text}\"}",
                null, null, null).toString();

        assertThat(text).doesNotContain("t0k-Sms").doesNotContain("Qk-99").doesNotContain("B0dyK3y")
                .contains("Authorization=<secret>").contains("https://sms.example/send?<secret>")
                .contains("method=PUT");
    }

    @ParameterizedTest(name = "[{index}] {0}.")
    @ValueSource(strings = {
            "{\"phone\":${to},\"message\":\"${text}\"}",          // placeholder outside a string
            "{\"phone\":\"${to}\",\"message\":\"${text}\"",       // unbalanced
            "{\"phone\":\"${to}\",\"message\":\"${text}\"} x",    // trailing garbage
            "{\"phone\":\"${to}\"}",                              // no ${text}
            "{\"phone\":\"${phone}\",\"message\":\"${text}\"}",   // unknown placeholder
            "   "})
    void anInvalidTemplateFailsAtConstructionNamingTheKey(String template) {
        assertThatIllegalArgumentException().isThrownBy(() -> SmsSettings.of(URL, null, template))
                .withMessageContaining("hub.sms.body-template");
    }

    @Test
    void anInvalidTemplateFailsTheBindingNamingTheKeyButNotTheTemplate() {
        assertThatThrownBy(() -> bind(Map.of("hub.sms.url", URL.toString(),
                "hub.sms.body-template", "{\"apikey\":\"S3cr3tInBody\",\"to\":${to},\"m\":\"${text}\"}")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("hub.sms.body-template").hasMessageNotContaining("S3cr3tInBody");
    }

    @Test
    void aUrlNeedsATemplate() {
        assertThatIllegalArgumentException().isThrownBy(() -> SmsSettings.of(URL, null, null))
                .withMessageContaining("hub.sms.body-template is required");
    }

    @Test
    void aSuccessPathNeedsASuccessValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SmsSettings(URL, null, null, TEMPLATE, null, "code", null))
                .withMessageContaining("hub.sms.success-value");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SmsSettings(URL, null, null, TEMPLATE, null, null, "0"))
                .withMessageContaining("hub.sms.success-json-path");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "DELETE"})
    void onlyMethodsWithABodyAreAllowed(String method) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SmsSettings(URL, method, null, TEMPLATE, null, null, null))
                .withMessageContaining("hub.sms.method");
    }

    @Test
    void restrictedOrInvalidHeadersFailWithoutQuotingTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> SmsSettings.of(URL, Map.of("Host", "h0st"), TEMPLATE))
                .withMessageContaining("hub.sms.headers.Host").withMessageNotContaining("h0st");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SmsSettings.of(URL, Map.of("Authorization", "Bearer a\nb"), TEMPLATE))
                .withMessageContaining("hub.sms.headers.Authorization").withMessageNotContaining("Bearer");
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SmsSettings.of(URI.create("https://user:pw@sms.example/send"), null, TEMPLATE))
                .withMessageNotContaining("pw");
    }

    private static SmsSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("hub.sms", SmsSettings.class);
    }
}
