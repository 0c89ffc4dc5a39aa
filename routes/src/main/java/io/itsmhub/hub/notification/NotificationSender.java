package io.itsmhub.hub.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.connectors.ConnectorException;
import io.itsmhub.connectors.PlainText;
import io.itsmhub.connectors.chat.ChatClient;
import io.itsmhub.connectors.chat.ChatMessage;
import io.itsmhub.connectors.mail.MailSender;
import io.itsmhub.connectors.mail.OutgoingMail;
import io.itsmhub.connectors.sms.SmsClient;
import io.itsmhub.core.notification.NotificationEvents.NotificationRequested;
import io.itsmhub.core.notification.Notifications;
import io.itsmhub.core.outbox.OutboxEvent;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Sends one planned message through its channel and journals the outcome on the ticket. */
@Component
class NotificationSender {

    private final Notifications notifications;
    private final ObjectProvider<MailSender> mail;
    private final ObjectProvider<SmsClient> sms;
    private final Map<String, ChatClient> chats;
    private final ObjectMapper json;

    NotificationSender(Notifications notifications, ObjectProvider<MailSender> mail, ObjectProvider<SmsClient> sms,
                       ObjectProvider<ChatClient> chats, ObjectMapper json) {
        this.notifications = notifications;
        this.mail = mail;
        this.sms = sms;
        this.chats = chats.orderedStream().collect(Collectors.toMap(ChatClient::channel, Function.identity()));
        this.json = json;
    }

    void send(OutboxEvent event) throws IOException {
        NotificationRequested n = json.readValue(event.payload(), NotificationRequested.class);
        int attempt = event.attempts();
        long started = System.nanoTime();
        try {
            if (!deliver(n)) {
                return; // the channel is not configured; warned once at start
            }
            notifications.sent(n, millisSince(started), attempt);
        } catch (ConnectorException e) {
            notifications.failed(n, e.getMessage(), millisSince(started), attempt);
            throw e;
        }
    }

    private boolean deliver(NotificationRequested n) {
        switch (n.channel()) {
            case "email" -> {
                MailSender sender = mail.getIfAvailable();
                if (sender == null) {
                    return false;
                }
                sender.send(new OutgoingMail(List.of(n.address()), n.subject(), n.text(), n.html(), null,
                        Map.of("X-ITSM-Ticket", n.ticket())));
            }
            case "sms" -> {
                SmsClient client = sms.getIfAvailable();
                if (client == null) {
                    return false;
                }
                String text = n.subject().length() + n.text().length() < 300 ? n.text() : n.subject() + " " + n.link();
                // a ticket's text may carry addresses; a phone links them, so only the hub's own link stays one
                client.send(n.address(), PlainText.withoutLinks(text, n.link()));
            }
            default -> {
                ChatClient chat = chats.get(n.channel());
                if (chat == null) {
                    return false;
                }
                String markdown = n.link() == null ? n.text() : n.text().replace(n.link(), "").strip(); // the robot adds the link
                // the text is plain and carries a ticket's title and words: each robot escapes it for its dialect
                chat.post(ChatMessage.plainText(n.subject(), markdown, n.link() == null ? null : URI.create(n.link())));
            }
        }
        return true;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
