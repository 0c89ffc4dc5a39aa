package io.itsmhub.hub.alert;

import io.itsmhub.connectors.alertmanager.AlertmanagerClient;
import io.itsmhub.connectors.alertmanager.AlertmanagerSettings;
import io.itsmhub.connectors.alertmanager.HttpAlertmanagerClient;
import io.itsmhub.hub.webhook.WebhookAuthenticator;
import io.itsmhub.hub.webhook.WebhookGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({AlertmanagerSettings.class, AlertWebhookSettings.class})
class AlertmanagerConfig {

    private static final Logger log = LoggerFactory.getLogger(AlertmanagerConfig.class);

    @Bean
    AlertmanagerClient alertmanagerClient(AlertmanagerSettings settings) {
        return new HttpAlertmanagerClient(settings);
    }

    @Bean
    WebhookAuthenticator alertmanagerWebhookAuthenticator(AlertWebhookSettings settings) {
        WebhookAuthenticator authenticator = new WebhookAuthenticator("alertmanager", settings.webhookToken());
        if (!authenticator.configured()) {
            log.warn("HUB_ALERTMANAGER_WEBHOOK_TOKEN is not set: POST /webhooks/alertmanager refuses every call (401)");
        }
        return authenticator;
    }

    /** The token is checked before the body is read. */
    @Bean
    WebhookGate alertmanagerWebhookGate(WebhookAuthenticator alertmanagerWebhookAuthenticator) {
        return WebhookGate.token("/webhooks/alertmanager", alertmanagerWebhookAuthenticator);
    }
}
