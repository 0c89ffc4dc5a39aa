package io.itsmhub.connectors.chat;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A Slack incoming webhook. A null {@code webhookUrl} means Slack is not configured ({@link #configured()}).
 *
 * @param webhookUrl {@code https://hooks.slack.com/services/T…/B…/…}; the whole path is the credential
 * @param timeout    connect timeout and whole-request timeout; default 5s
 */
@ConfigurationProperties("hub.chat.slack")
public record SlackSettings(URI webhookUrl, @DefaultValue("5s") Duration timeout) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The defaults again, because {@code @DefaultValue} only applies when Spring binds, not to {@code new}. */
    public SlackSettings {
        webhookUrl = Webhook.checkUrl("hub.chat.slack.webhook-url", webhookUrl);
        timeout = Webhook.positive("hub.chat.slack.timeout", timeout, DEFAULT_TIMEOUT);
    }

    public static SlackSettings of(URI webhookUrl) {
        return new SlackSettings(webhookUrl, null);
    }

    public boolean configured() {
        return webhookUrl != null;
    }

    /** Scheme, host and port only: anyone holding the path can post to the channel. */
    String shownUrl() {
        return webhookUrl == null ? null : webhookUrl.getScheme() + "://" + webhookUrl.getRawAuthority() + "/<secret>";
    }

    @Override
    public String toString() {
        return "SlackSettings[webhookUrl=" + shownUrl() + ", timeout=" + timeout + "]";
    }
}
