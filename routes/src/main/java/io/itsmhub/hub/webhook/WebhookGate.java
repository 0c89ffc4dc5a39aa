package io.itsmhub.hub.webhook;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The check a webhook makes on a request's headers alone, before a byte of its body is read
 * ({@link WebhookGuardFilter}): a sender without credentials cannot make the hub read, buffer or parse anything.
 * One bean per webhook path.
 */
public interface WebhookGate {

    /** The exact request path, e.g. {@code /webhooks/alertmanager}. */
    String path();

    /** Throws {@link WebhookUnauthorizedException} unless the headers admit the request; never reads the body. */
    void admit(HttpServletRequest request);

    /** A gate for a webhook whose sender puts a shared token in {@code Authorization}. */
    static WebhookGate token(String path, WebhookAuthenticator authenticator) {
        return new WebhookGate() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public void admit(HttpServletRequest request) {
                authenticator.check(request.getHeader("Authorization"));
            }
        };
    }
}
