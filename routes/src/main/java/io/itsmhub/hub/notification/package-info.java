/**
 * Notifications out: ticket events planned into messages (core's Notifications), each message sent through its
 * channel (email, SMS, DingTalk, WeCom, Slack), journaled on its ticket, retried and parked on its own.
 * Start reading at {@link io.itsmhub.hub.notification.NotificationRoute}.
 */
package io.itsmhub.hub.notification;
