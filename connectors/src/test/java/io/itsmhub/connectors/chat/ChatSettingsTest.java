package io.itsmhub.connectors.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ChatSettingsTest {

    private static final Binder BINDER = new Binder(new MapConfigurationPropertySource(Map.of(
            "hub.chat.dingtalk.webhook-url", "https://oapi.dingtalk.com/robot/send?access_token=dtT0ken",
            "hub.chat.dingtalk.secret", "SECdtS3cret",
            "hub.chat.wecom.webhook-url", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wcK3y",
            "hub.chat.wecom.timeout", "2s",
            "hub.chat.slack.webhook-url", "https://hooks.slack.com/services/T1/B2/slP4th")));

    @Test
    void bindsWithDefaults() {
        DingTalkSettings dingtalk = BINDER.bindOrCreate("hub.chat.dingtalk", DingTalkSettings.class);
        WeComSettings wecom = BINDER.bindOrCreate("hub.chat.wecom", WeComSettings.class);
        SlackSettings slack = BINDER.bindOrCreate("hub.chat.slack", SlackSettings.class);

        assertThat(dingtalk.secret()).isEqualTo("SECdtS3cret");
        assertThat(dingtalk.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(wecom.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(slack.webhookUrl()).isEqualTo(URI.create("https://hooks.slack.com/services/T1/B2/slP4th"));
        assertThat(slack.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(dingtalk.configured() && wecom.configured() && slack.configured()).isTrue();
    }

    @Test
    void toStringNeverShowsTokensKeysSecretsOrPaths() {
        String text = BINDER.bindOrCreate("hub.chat.dingtalk", DingTalkSettings.class) + " "
                + BINDER.bindOrCreate("hub.chat.wecom", WeComSettings.class) + " "
                + BINDER.bindOrCreate("hub.chat.slack", SlackSettings.class);

        assertThat(text).doesNotContain("dtT0ken").doesNotContain("SECdtS3cret").doesNotContain("wcK3y")
                .doesNotContain("slP4th")
                .contains("https://oapi.dingtalk.com/robot/send?access_token=<secret>")
                .contains("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=<secret>")
                .contains("https://hooks.slack.com/<secret>");
    }

    @Test
    void withoutAUrlNothingIsConfiguredAndNoRobotCanBeMade() {
        Binder empty = new Binder(new MapConfigurationPropertySource(Map.of()));

        DingTalkSettings dingtalk = empty.bindOrCreate("hub.chat.dingtalk", DingTalkSettings.class);
        WeComSettings wecom = empty.bindOrCreate("hub.chat.wecom", WeComSettings.class);
        SlackSettings slack = empty.bindOrCreate("hub.chat.slack", SlackSettings.class);

        assertThat(dingtalk.configured() || wecom.configured() || slack.configured()).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new DingTalkRobot(dingtalk))
                .withMessageContaining("hub.chat.dingtalk.webhook-url");
        assertThatIllegalArgumentException().isThrownBy(() -> new WeComRobot(wecom))
                .withMessageContaining("hub.chat.wecom.webhook-url");
        assertThatIllegalArgumentException().isThrownBy(() -> new SlackWebhook(slack))
                .withMessageContaining("hub.chat.slack.webhook-url");
    }

    @Test
    void refusesNonHttpUrlsAndNonPositiveTimeoutsWithoutQuotingTheUrl() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DingTalkSettings.of(URI.create("ftp://oapi.dingtalk.com/robot/send?access_token=t0k"), null))
                .withMessageContaining("hub.chat.dingtalk.webhook-url").withMessageNotContaining("t0k");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SlackSettings(URI.create("https://hooks.slack.com/x"), Duration.ZERO))
                .withMessageContaining("hub.chat.slack.timeout");
    }

    @Test
    void aChatMessageNeedsATitleOnOneLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> ChatMessage.of(" ", "body"));
        assertThat(ChatMessage.of(" Disk\nfull \r\n on db-1 ", null))
                .isEqualTo(new ChatMessage("Disk full on db-1", "", null));
    }
}
