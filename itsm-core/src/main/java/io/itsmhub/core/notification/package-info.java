/**
 * Notifications: which events tell whom through which channel (policies as configuration), in the recipient's
 * language (en, zh-CN templates). Planning turns a ticket event into one NotificationRequested outbox event per
 * channel and address, so that each send is retried and parked on its own and no channel's outage holds up
 * another, nor the ticket's transition.
 */
package io.itsmhub.core.notification;
