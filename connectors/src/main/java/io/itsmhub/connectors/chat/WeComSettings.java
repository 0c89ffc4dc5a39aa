package io.itsmhub.connectors.chat;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A WeCom (企业微信) group robot. A null {@code webhookUrl} means WeCom is not configured ({@link #configured()}).
 *
 * @param webhookUrl {@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…}; the key is a secret
 * @param timeout    connect timeout and whole-request timeout; default 5s
 */
@ConfigurationProperties("hub.chat.wecom")
public record WeComSettings(URI webhookUrl, @DefaultValue("5s") Duration timeout) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The defaults again, because {@code @DefaultValue} only applies when Spring binds, not to {@code new}. */
    public WeComSettings {
        webhookUrl = Webhook.checkUrl("hub.chat.wecom.webhook-url", webhookUrl);
        timeout = Webhook.positive("hub.chat.wecom.timeout", timeout, DEFAULT_TIMEOUT);
    }

    public static WeComSettings of(URI webhookUrl) {
        return new WeComSettings(webhookUrl, null);
    }

    public boolean configured() {
        return webhookUrl != null;
    }

    /** Never prints the key: settings end up in logs and actuator output. */
    @Override
    public String toString() {
        return "WeComSettings[webhookUrl=" + Webhook.maskQuery(webhookUrl) + ", timeout=" + timeout + "]";
    }
}
