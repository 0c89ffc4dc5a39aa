package io.itsmhub.hub.webhook;

/** A webhook body over {@code hub.webhooks.max-body-size}; answered 413 and read no further. */
class WebhookBodyTooLargeException extends RuntimeException {
    WebhookBodyTooLargeException(long limit) {
        super("the body is larger than the webhook limit of " + limit + " bytes (hub.webhooks.max-body-size)");
    }
}
