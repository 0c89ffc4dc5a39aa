package io.itsmhub.hub.notification;

import io.itsmhub.connectors.chat.ChatClient;
import io.itsmhub.connectors.chat.DingTalkRobot;
import io.itsmhub.connectors.chat.DingTalkSettings;
import io.itsmhub.connectors.chat.SlackSettings;
import io.itsmhub.connectors.chat.SlackWebhook;
import io.itsmhub.connectors.chat.WeComRobot;
import io.itsmhub.connectors.chat.WeComSettings;
import io.itsmhub.connectors.mail.MailSender;
import io.itsmhub.connectors.mail.MailSettings;
import io.itsmhub.connectors.mail.SmtpMailSender;
import io.itsmhub.connectors.sms.HttpSmsClient;
import io.itsmhub.connectors.sms.SmsClient;
import io.itsmhub.connectors.sms.SmsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The message channels that are configured; each one missing is said once at start, not at every message. */
@Configuration
@EnableConfigurationProperties({MailSettings.class, SmsSettings.class, DingTalkSettings.class, WeComSettings.class,
        SlackSettings.class})
class MessagingConfig {

    private static final Logger log = LoggerFactory.getLogger(MessagingConfig.class);

    @Bean
    @ConditionalOnExpression("!'${hub.mail.smtp.host:}'.isBlank()")
    MailSender mailSender(MailSettings settings) {
        return new SmtpMailSender(settings);
    }

    @Bean
    @ConditionalOnExpression("!'${hub.sms.url:}'.isBlank()")
    SmsClient smsClient(SmsSettings settings) {
        return new HttpSmsClient(settings);
    }

    @Bean
    @ConditionalOnExpression("!'${hub.chat.dingtalk.webhook-url:}'.isBlank()")
    ChatClient dingTalkRobot(DingTalkSettings settings) {
        return new DingTalkRobot(settings);
    }

    @Bean
    @ConditionalOnExpression("!'${hub.chat.wecom.webhook-url:}'.isBlank()")
    ChatClient weComRobot(WeComSettings settings) {
        return new WeComRobot(settings);
    }

    @Bean
    @ConditionalOnExpression("!'${hub.chat.slack.webhook-url:}'.isBlank()")
    ChatClient slackWebhook(SlackSettings settings) {
        return new SlackWebhook(settings);
    }

    @Bean
    org.springframework.boot.ApplicationRunner channelReport(MailSettings mail, SmsSettings sms,
                                                           org.springframework.beans.factory.ObjectProvider<ChatClient> robots) {
        return args -> {
            if (!mail.smtpConfigured()) {
                log.warn("hub.mail.smtp.host is not set: notifications by email are skipped");
            }
            if (!sms.configured()) {
                log.warn("hub.sms.url is not set: notifications by SMS are skipped");
            }
            log.info("Chat robots: {}", robots.orderedStream().map(ChatClient::channel).toList());
        };
    }
}
