package io.itsmhub.hub.console.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsmhub.connectors.alertmanager.AlertmanagerSettings;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The links into Alertmanager that the incident page shows; no hub needed. */
class AlertmanagerLinksTest {

    @Test
    void theAlertListIsFilteredToTheAlertNameWithTheFilterEncoded() {
        AlertmanagerLinks links = new AlertmanagerLinks(AlertmanagerSettings.of(URI.create("http://am.example:9093/")));
        assertThat(links.alerts("NodeDown")).isEqualTo("http://am.example:9093/#/alerts?filter=%7Balertname%3D%22NodeDown%22%7D");
    }

    @Test
    void aPathPrefixStaysAndCredentialsInTheUrlAreNeverShown() {
        AlertmanagerLinks links = new AlertmanagerLinks(AlertmanagerSettings.of(URI.create("https://ops:s3cret@proxy.example/am")));
        assertThat(links.alerts("X")).startsWith("https://proxy.example/am/#/alerts?filter=").doesNotContain("s3cret");
    }

    @Test
    void onlyHttpAndHttpsUrlsFromAnAlertBecomeLinks() {
        AlertmanagerLinks links = new AlertmanagerLinks(AlertmanagerSettings.of(URI.create("http://am:9093")));
        assertThat(links.isWebLink("http://prometheus:9090/graph?g0.expr=up")).isTrue();
        assertThat(links.isWebLink("https://grafana.example/d/x")).isTrue();
        assertThat(links.isWebLink("javascript:alert(1)")).isFalse();
        assertThat(links.isWebLink("not a uri")).isFalse();
        assertThat(links.isWebLink(null)).isFalse();
    }
}
