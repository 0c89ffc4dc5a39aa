package io.itsmhub.connectors.chat;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A DingTalk custom robot ("自定义机器人"). A null {@code webhookUrl} means DingTalk is not configured
 * ({@link #configured()}).
 *
 * @param webhookUrl {@code https://oapi.dingtalk.com/robot/send?access_token=…}; the token is a secret
 * @param secret     the robot's signing secret ({@code SEC…}) when its security setting is "加签" (sign); or null
 *                   when it relies on keywords or an IP allow-list
 * @param timeout    connect timeout and whole-request timeout; default 5s
 */
@ConfigurationProperties("hub.chat.dingtalk")
public record DingTalkSettings(URI webhookUrl, String secret, @DefaultValue("5s") Duration timeout) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The defaults again, because {@code @DefaultValue} only applies when Spring binds, not to {@code new}. */
    public DingTalkSettings {
        webhookUrl = Webhook.checkUrl("hub.chat.dingtalk.webhook-url", webhookUrl);
        secret = secret == null || secret.isBlank() ? null : secret.strip();
        timeout = Webhook.positive("hub.chat.dingtalk.timeout", timeout, DEFAULT_TIMEOUT);
    }

    public static DingTalkSettings of(URI webhookUrl, String secret) {
        return new DingTalkSettings(webhookUrl, secret, null);
    }

    public boolean configured() {
        return webhookUrl != null;
    }

    /** Never prints the access token or the signing secret: settings end up in logs and actuator output. */
    @Override
    public String toString() {
        return "DingTalkSettings[webhookUrl=" + Webhook.maskQuery(webhookUrl) + ", secret="
                + (secret == null ? null : "<secret>") + ", timeout=" + timeout + "]";
    }
}
