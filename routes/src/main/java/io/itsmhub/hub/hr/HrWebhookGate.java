package io.itsmhub.hub.hr;

import io.itsmhub.hub.webhook.WebhookAuthenticator;
import io.itsmhub.hub.webhook.WebhookGate;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** {@code POST /webhooks/hr}'s token, checked before the body is read. */
@Component
class HrWebhookGate implements WebhookGate {

    private final WebhookAuthenticator authenticator;

    HrWebhookGate(HrWebhookSettings settings) {
        this.authenticator = new WebhookAuthenticator("hr", settings.webhookToken());
    }

    @Override
    public String path() {
        return "/webhooks/hr";
    }

    @Override
    public void admit(HttpServletRequest request) {
        authenticator.check(request.getHeader("Authorization"));
    }
}
