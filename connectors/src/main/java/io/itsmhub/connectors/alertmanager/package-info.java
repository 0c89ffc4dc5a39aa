/**
 * The Alertmanager connector: a narrow client of Prometheus Alertmanager's HTTP API v2 over the JDK
 * {@code HttpClient} (there is no Alertmanager Java client library). The hub uses it to silence and expire
 * the alerts behind an incident, to read back whether an alert is still firing, suppressed or resolved, and
 * (tests and benchmarks) to push alerts in. Configured by {@link io.itsmhub.connectors.alertmanager.AlertmanagerSettings}
 * under {@code hub.alertmanager}; every failure is a {@link io.itsmhub.connectors.ConnectorException} of
 * system {@code "alertmanager"} that says whether a retry can help.
 */
package io.itsmhub.connectors.alertmanager;
