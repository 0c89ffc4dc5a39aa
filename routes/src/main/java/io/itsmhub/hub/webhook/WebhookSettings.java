package io.itsmhub.hub.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What every inbound webhook shares.
 *
 * @param maxBodySize the largest body a webhook reads ({@code hub.webhooks.max-body-size}); a larger one is refused
 *                    with 413 and never read further than this; default 5MB
 */
@ConfigurationProperties("hub.webhooks")
public record WebhookSettings(@DefaultValue("5MB") DataSize maxBodySize) {

    static final DataSize DEFAULT_MAX_BODY_SIZE = DataSize.ofMegabytes(5);

    /** The default again, because {@code @DefaultValue} only applies when Spring binds, not to {@code new}. */
    public WebhookSettings {
        maxBodySize = maxBodySize == null ? DEFAULT_MAX_BODY_SIZE : maxBodySize;
        if (maxBodySize.toBytes() <= 0 || maxBodySize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("hub.webhooks.max-body-size must be between 1B and 2GB, was " + maxBodySize);
        }
    }
}
