package io.itsmhub.hub.hr;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param webhookToken shared secret of {@code POST /webhooks/hr} (Bearer, or Basic password); unset refuses all
 * @param dropDir      folder polled for CSV files (header: event,username,displayName,email,phone,manager,jobRole,group);
 *                     processed files move to {@code .done}, failed ones to {@code .failed}; unset: no polling
 */
@ConfigurationProperties("hub.hr")
public record HrWebhookSettings(String webhookToken, String dropDir) {

    @Override
    public String toString() {
        return "HrWebhookSettings[webhookToken=" + (webhookToken == null || webhookToken.isBlank() ? "<unset>" : "<secret>")
                + ", dropDir=" + dropDir + "]";
    }
}
