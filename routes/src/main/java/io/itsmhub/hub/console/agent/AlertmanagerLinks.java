package io.itsmhub.hub.console.agent;

import io.itsmhub.connectors.alertmanager.AlertmanagerSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Links into the Alertmanager the hub talks to ({@code hub.alertmanager.url}): its alert list filtered to one
 * alert name, the same link the hub writes into an alert incident's description. Credentials in the URL are
 * dropped: a link is shown to people.
 */
@Component("agentAlertmanager")
class AlertmanagerLinks {

    private final String base;

    AlertmanagerLinks(AlertmanagerSettings settings) {
        URI url = settings.url();
        String withoutUser = url.getUserInfo() == null ? url.toString()
                : url.toString().replace(url.getRawUserInfo() + "@", "");
        this.base = withoutUser.replaceAll("/+$", "");
    }

    /**
     * Whether a URL an alert brought along (its generator URL, from whoever posted the webhook) may be a link:
     * http or https only, never {@code javascript:} or the like.
     */
    public boolean isWebLink(String url) {
        if (url == null) {
            return false;
        }
        try {
            String scheme = URI.create(url).getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    /** {@code <alertmanager>/#/alerts?filter={alertname="X"}}, the filter URL-encoded. */
    public String alerts(String alertName) {
        String filter = "{alertname=\"" + (alertName == null ? "" : alertName) + "\"}";
        return base + "/#/alerts?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }
}
