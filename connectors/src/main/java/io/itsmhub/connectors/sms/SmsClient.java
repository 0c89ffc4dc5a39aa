package io.itsmhub.connectors.sms;

/**
 * Sends one text message. Throws {@link io.itsmhub.connectors.ConnectorException} (system {@code "sms"}) on
 * failure: retryable when the gateway could not be reached, timed out or answered 408, 429 or 5xx; permanent
 * for a bad phone number, an empty text, another 4xx, or a gateway answer that says the message was refused.
 */
public interface SmsClient {

    /**
     * @param phone the recipient: digits with an optional leading {@code +}, spaces and dashes allowed
     * @param text  the message; the gateway decides how it is split into parts
     */
    void send(String phone, String text);
}
