package io.itsmhub.hub.alert;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Alertmanager webhook's shared secret ({@code hub.alertmanager.webhook-token}, env
 * {@code HUB_ALERTMANAGER_WEBHOOK_TOKEN}); printed as {@code <secret>}.
 */
@ConfigurationProperties("hub.alertmanager")
public record AlertWebhookSettings(String webhookToken) {

    @Override
    public String toString() {
        return "AlertWebhookSettings[webhookToken=" + (webhookToken == null || webhookToken.isBlank() ? "<unset>" : "<secret>") + "]";
    }
}
