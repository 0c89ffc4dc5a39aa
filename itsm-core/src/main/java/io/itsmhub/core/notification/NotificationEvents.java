package io.itsmhub.core.notification;

import io.itsmhub.core.outbox.EventName;
/** What notification planning tells the channels (through the outbox): one message to one address. */
public final class NotificationEvents {
    private NotificationEvents() { }

    /** {@code address} is an email address, a phone number, or the chat channel's name for a chat robot. */
    @EventName("NotificationRequested")
    public record NotificationRequested(String ticket, String event, String channel, String address, String language,
                                        String subject, String text, String html, String link) { }
}
