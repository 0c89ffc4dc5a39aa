package io.itsmhub.hub.webhook;

/** A webhook call without the right token; answered 401 and nothing is stored. */
public class WebhookUnauthorizedException extends RuntimeException {
    public WebhookUnauthorizedException(String message) {
        super(message);
    }
}
