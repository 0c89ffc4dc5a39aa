/**
 * The chat connector: posts a notification to a group chat through an incoming webhook: a DingTalk custom
 * robot ({@link io.itsmhub.connectors.chat.DingTalkRobot}, {@code hub.chat.dingtalk}), a WeCom group robot
 * ({@link io.itsmhub.connectors.chat.WeComRobot}, {@code hub.chat.wecom}) or a Slack incoming webhook
 * ({@link io.itsmhub.connectors.chat.SlackWebhook}, {@code hub.chat.slack}), all behind
 * {@link io.itsmhub.connectors.chat.ChatClient}. Every webhook URL carries its credential (token, key or path),
 * so it is never printed whole. Every failure is a {@link io.itsmhub.connectors.ConnectorException} whose system
 * is the channel ({@code "dingtalk"}, {@code "wecom"}, {@code "slack"}) and which says whether a retry can help.
 */
package io.itsmhub.connectors.chat;
