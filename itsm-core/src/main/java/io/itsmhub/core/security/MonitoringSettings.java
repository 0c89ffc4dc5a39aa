package io.itsmhub.core.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read the hub's metrics besides administrators and holders of the {@code monitoring} role.
 *
 * @param scrapeToken a secret a scraper (Prometheus) sends as {@code Authorization: Bearer …} to read
 *                    {@code /actuator/**}; unset: no token is accepted. At least 16 characters.
 */
@ConfigurationProperties("hub.monitoring")
public record MonitoringSettings(String scrapeToken) {

    static final int MIN_TOKEN_LENGTH = 16;

    public MonitoringSettings {
        scrapeToken = scrapeToken == null || scrapeToken.isBlank() ? null : scrapeToken;
        if (scrapeToken != null && scrapeToken.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("hub.monitoring.scrape-token must be at least " + MIN_TOKEN_LENGTH
                    + " characters long");
        }
    }

    /** Never prints the token: settings end up in logs and actuator output. */
    @Override
    public String toString() {
        return "MonitoringSettings[scrapeToken=" + (scrapeToken == null ? null : "<secret>") + "]";
    }
}
