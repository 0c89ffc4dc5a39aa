package io.itsmhub.core.notification;

import io.itsmhub.core.common.Priority;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification policies.
 *
 * @param defaultLanguage language of people who have not chosen one: {@code en} or {@code zh-CN}
 * @param rules           each rule: an event, optionally the priorities it applies to, the channels
 *                        ({@code email}, {@code sms}, {@code dingtalk}, {@code wecom}, {@code slack}) and the
 *                        recipients ({@code assignee}, {@code assignment-group}, {@code requester}, {@code approver},
 *                        {@code change-owner}, or a fixed {@code mailto:…} / {@code tel:…})
 */
@ConfigurationProperties("hub.notifications")
public record NotificationSettings(@DefaultValue("en") String defaultLanguage, List<Rule> rules) {

    /** Events: incident-created, major-incident (a P1 is created), incident-assigned, incident-flapping, sla-breached,
     * approval-needed, request-approved, request-rejected, request-fulfilled, fulfilment-failed, change-failed,
     * change-suspected, comment-added (a public comment on an incident or request; never a work note; not sent to
     * its own author). */
    public record Rule(String event, List<Priority> priorities, List<String> channels, List<String> recipients) {
        public Rule {
            priorities = priorities == null ? List.of() : List.copyOf(priorities);
            channels = channels == null ? List.of() : List.copyOf(channels);
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
            if (event == null || !NotificationTemplates.EVENTS.contains(event)) {
                throw new IllegalArgumentException("hub.notifications.rules: unknown event '" + event + "', known: "
                        + NotificationTemplates.EVENTS);
            }
        }

        boolean matches(String name, Priority priority) {
            return event.equals(name) && (priorities.isEmpty() || priority != null && priorities.contains(priority));
        }
    }

    public NotificationSettings {
        defaultLanguage = defaultLanguage == null ? "en" : defaultLanguage;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
