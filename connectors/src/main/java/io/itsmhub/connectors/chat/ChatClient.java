package io.itsmhub.connectors.chat;

/**
 * One group chat the hub posts notifications to. Throws {@link io.itsmhub.connectors.ConnectorException}
 * (system = {@link #channel()}) on failure: retryable when the chat service could not be reached, timed out,
 * answered 408, 429 or 5xx or said it is rate-limiting; permanent when it refused the robot or the message.
 */
public interface ChatClient {

    /** {@code "dingtalk"}, {@code "wecom"} or {@code "slack"}. */
    String channel();

    void post(ChatMessage message);
}
