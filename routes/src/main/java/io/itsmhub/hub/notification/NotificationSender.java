package io.itsmhub.hub.notification;

import io.itsmhub.connectors.ConnectorException;
import io.itsmhub.connectors.PlainText;
import io.itsmhub.connectors.chat.ChatClient;
import io.itsmhub.connectors.chat.ChatMessage;
import io.itsmhub.connectors.mail.MailSender;
import io.itsmhub.connectors.mail.MailSettings;
import io.itsmhub.connectors.mail.OutgoingMail;
import io.itsmhub.core.inbox.ReplyTokens;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import io.itsmhub.connectors.sms.SmsClient;
import io.itsmhub.core.notification.NotificationEvents.NotificationRequested;
import io.itsmhub.core.notification.Notifications;
import io.itsmhub.core.outbox.DeliveryEffects;
import io.itsmhub.hub.outbox.Delivery;
import java.net.URI;
import java.util.LinkedHashMap;
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
    private final DeliveryEffects effects;
    private final MailSettings mailSettings;
    private final ReplyTokens replyTokens;

    NotificationSender(Notifications notifications, ObjectProvider<MailSender> mail, ObjectProvider<SmsClient> sms,
                       ObjectProvider<ChatClient> chats, DeliveryEffects effects, MailSettings mailSettings,
                       ReplyTokens replyTokens) {
        this.mailSettings = mailSettings;
        this.replyTokens = replyTokens;
        this.notifications = notifications;
        this.mail = mail;
        this.sms = sms;
        this.chats = chats.orderedStream().collect(Collectors.toMap(ChatClient::channel, Function.identity()));
        this.effects = effects;
    }

    /**
     * Sends {@code n} once: a redelivery whose message already went out (the acknowledgement was lost, or the lease
     * ran out while the channel was slow) finds the send recorded under the delivery's key and sends nothing.
     */
    void send(NotificationRequested n, Delivery delivery) {
        String key = delivery.idempotencyKey("send");
        if (effects.done(key).isPresent()) {
            return;
        }
        int attempt = delivery.attempt();
        long started = System.nanoTime();
        try {
            if (!deliver(n)) {
                return; // the channel is not configured; warned once at start
            }
            effects.record(key, n.channel());
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
                        mailHeaders(n)));
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

    /**
     * The ticket, and a Reply-To with the reply token of this ticket and this recipient: a reply then comments as
     * the recipient without the hub having to believe its From ({@code io.itsmhub.core.inbox.ReplyTokens}).
     */
    private Map<String, String> mailHeaders(NotificationRequested n) {
        if (n.ticket() == null) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-ITSM-Ticket", n.ticket());
        if (mailSettings.from() != null && !mailSettings.from().isBlank()) {
            headers.put("Reply-To", mailSettings.replyAddress(replyTokens.issue(n.ticket(), bare(n.address()))));
        }
        return headers;
    }

    private static String bare(String address) {
        try {
            return new InternetAddress(address, false).getAddress();
        } catch (AddressException e) {
            return address; // the sender refuses it with a clear error
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
