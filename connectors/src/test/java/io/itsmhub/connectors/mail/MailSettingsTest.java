package io.itsmhub.connectors.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class MailSettingsTest {

    private static final String FROM = "ITSM Hub <itsm@example.com>";

    @Test
    void defaultsApplyWithoutSpringAndNothingIsConfigured() {
        MailSettings settings = new MailSettings(null, null, null, null, null);

        assertThat(settings.smtpConfigured()).isFalse();
        assertThat(settings.imapConfigured()).isFalse();
        assertThat(settings.smtp().port()).isEqualTo(25);
        assertThat(settings.imap().port()).isEqualTo(143);
        assertThat(settings.imap().folder()).isEqualTo("INBOX");
        assertThat(settings.maxAttachmentSize()).isEqualTo(DataSize.ofMegabytes(10));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThatIllegalStateException().isThrownBy(() -> new SmtpMailSender(settings))
                .withMessageContaining("hub.mail.smtp.host");
        assertThatIllegalStateException().isThrownBy(() -> new ImapMailbox(settings))
                .withMessageContaining("hub.mail.imap.host");
    }

    @Test
    void bindsWithDefaultsAndIgnoresTheOtherKeysOfThePrefix() {
        MailSettings settings = bind(Map.of(
                "hub.mail.smtp.host", "smtp.example.com",
                "hub.mail.smtp.start-tls", "true",
                "hub.mail.imap.host", "imap.example.com",
                "hub.mail.imap.username", "itsm",
                "hub.mail.imap.password", "pa55",
                "hub.mail.from", FROM,
                "hub.mail.poll-interval", "30s"));

        assertThat(settings.smtpConfigured()).isTrue();
        assertThat(settings.smtp().port()).isEqualTo(25);
        assertThat(settings.smtp().startTls()).isTrue();
        assertThat(settings.imapConfigured()).isTrue();
        assertThat(settings.imap().port()).isEqualTo(143);
        assertThat(settings.imap().folder()).isEqualTo("INBOX");
        assertThat(settings.maxAttachmentSize()).isEqualTo(DataSize.ofMegabytes(10));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void bindsExplicitValues() {
        MailSettings settings = bind(Map.of(
                "hub.mail.smtp.host", "smtp.example.com", "hub.mail.smtp.port", "587",
                "hub.mail.imap.host", "imap.example.com", "hub.mail.imap.ssl", "true",
                "hub.mail.imap.username", "itsm", "hub.mail.imap.password", "pa55", "hub.mail.imap.folder", "Tickets",
                "hub.mail.from", FROM, "hub.mail.max-attachment-size", "2MB", "hub.mail.timeout", "750ms"));

        assertThat(settings.smtp().port()).isEqualTo(587);
        assertThat(settings.imap().port()).as("the IMAPS port when ssl and no port").isEqualTo(993);
        assertThat(settings.imap().folder()).isEqualTo("Tickets");
        assertThat(settings.maxAttachmentSize()).isEqualTo(DataSize.ofMegabytes(2));
        assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void sslWithoutAPortMeansTheSmtpsPort() {
        assertThat(new MailSettings.Smtp("smtp.example.com", 0, null, null, false, true).port()).isEqualTo(465);
    }

    @Test
    void toStringNeverShowsThePasswords() {
        MailSettings settings = new MailSettings(
                new MailSettings.Smtp("smtp.example.com", 587, "itsm", "smtp-Pa55w0rd", true, false),
                new MailSettings.Imap("imap.example.com", 993, "itsm", "imap-Pa55w0rd", true, null),
                FROM, null, null);

        assertThat(settings.toString()).doesNotContain("smtp-Pa55w0rd").doesNotContain("imap-Pa55w0rd")
                .contains("password=<secret>").contains("username=itsm").contains("host=smtp.example.com");
    }

    @Test
    void smtpNeedsAFromNamedInTheMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MailSettings(smtp(), null, null, null, null))
                .withMessageContaining("hub.mail.from");
        assertThatThrownBy(() -> bind(Map.of("hub.mail.smtp.host", "smtp.example.com")))
                .isInstanceOf(BindException.class)
                .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hub.mail.from");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"itsm", "ITSM Hub <itsm@>", "a@example.com, b@example.com", "ITSM Hub itsm@example.com"})
    void aMalformedFromIsRefusedAtStartUp(String from) {
        assertThatIllegalArgumentException().isThrownBy(() -> new MailSettings(smtp(), null, from, null, null))
                .withMessageContaining("hub.mail.from must be one address");
    }

    @Test
    void withoutSmtpNoFromIsNeeded() {
        assertThat(new MailSettings(null, imap(), null, null, null).imapConfigured()).isTrue();
    }

    @Test
    void imapNeedsCredentials() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MailSettings.Imap("imap.example.com", 0, null, null, false, null))
                .withMessageContaining("hub.mail.imap.username");
    }

    @Test
    void anSmtpUserNeedsAPassword() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MailSettings.Smtp("smtp.example.com", 0, "itsm", null, false, false))
                .withMessageContaining("hub.mail.smtp.password");
    }

    @Test
    void startTlsAndSslExcludeEachOther() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MailSettings.Smtp("smtp.example.com", 0, null, null, true, true))
                .withMessageContaining("hub.mail.smtp.start-tls").withMessageContaining("hub.mail.smtp.ssl");
    }

    @Test
    void valuesOutOfRangeAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MailSettings.Smtp("smtp.example.com", 70000, null, null, false, false))
                .withMessageContaining("hub.mail.smtp.port");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MailSettings(null, null, null, null, Duration.ZERO))
                .withMessageContaining("hub.mail.timeout");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MailSettings(null, null, null, DataSize.ofBytes(-1), null))
                .withMessageContaining("hub.mail.max-attachment-size");
    }

    @Test
    void smtpSessionPropertiesCarryTimeoutsTlsAndAuth() {
        MailSettings settings = new MailSettings(
                new MailSettings.Smtp("smtp.example.com", 587, "itsm", "pa55", true, false), null, FROM, null,
                Duration.ofSeconds(7));

        Properties p = SmtpMailSender.properties(settings);

        assertThat(p).containsEntry("mail.smtp.host", "smtp.example.com").containsEntry("mail.smtp.port", "587")
                .containsEntry("mail.smtp.connectiontimeout", "7000").containsEntry("mail.smtp.timeout", "7000")
                .containsEntry("mail.smtp.writetimeout", "7000").containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.starttls.enable", "true").containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.enable", "false");
        assertThat(p.values()).doesNotContain("pa55");
        assertThat(SmtpMailSender.properties(new MailSettings(smtp(), null, FROM, null, null)))
                .containsEntry("mail.smtp.auth", "false").containsEntry("mail.smtp.starttls.enable", "false");
    }

    @Test
    void imapSessionPropertiesCarryTimeoutsSslAndPeek() {
        MailSettings settings = new MailSettings(null,
                new MailSettings.Imap("imap.example.com", 0, "itsm", "pa55", true, null), null, null,
                Duration.ofSeconds(7));

        Properties p = ImapMailbox.properties(settings);

        assertThat(p).containsEntry("mail.imap.host", "imap.example.com").containsEntry("mail.imap.port", "993")
                .containsEntry("mail.imap.connectiontimeout", "7000").containsEntry("mail.imap.timeout", "7000")
                .containsEntry("mail.imap.writetimeout", "7000").containsEntry("mail.imap.ssl.enable", "true")
                .containsEntry("mail.imap.peek", "true");
        assertThat(p.values()).doesNotContain("pa55");
    }

    private static MailSettings.Smtp smtp() {
        return new MailSettings.Smtp("smtp.example.com", 0, null, null, false, false);
    }

    private static MailSettings.Imap imap() {
        return new MailSettings.Imap("imap.example.com", 0, "itsm", "pa55", false, null);
    }

    private static MailSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hub.mail", MailSettings.class);
    }
}
