package io.itsmhub.core.inbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that signs the reply tokens of outgoing mail. Unset, the hubs on one database share one random key that
 * the first of them generates and stores ({@link ReplyTokens}); set it to rotate the key (every token sent before
 * then stops working) or to keep it out of the database. Other components bind further keys under the same prefix.
 *
 * @param replyTokenSecret at least 32 characters, from the environment or a file, never committed; or null
 */
@ConfigurationProperties("hub.mail")
public record ReplyTokenSettings(String replyTokenSecret) {

    static final int MIN_LENGTH = 32;

    public ReplyTokenSettings {
        replyTokenSecret = replyTokenSecret == null || replyTokenSecret.isBlank() ? null : replyTokenSecret;
        if (replyTokenSecret != null && replyTokenSecret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("hub.mail.reply-token-secret must be at least " + MIN_LENGTH
                    + " characters, was " + replyTokenSecret.length() + "; leave it unset to have one generated");
        }
    }

    /** Never prints the secret: settings end up in logs and actuator output. */
    @Override
    public String toString() {
        return "ReplyTokenSettings[replyTokenSecret=" + (replyTokenSecret == null ? null : "<secret>") + "]";
    }
}
