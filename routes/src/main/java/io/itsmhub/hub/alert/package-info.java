/**
 * The monitoring loop: Alertmanager's webhook into incidents ({@link io.itsmhub.hub.alert.AlertIntakeRoute}),
 * and a person's resolution back out as a silence at the source ({@link io.itsmhub.hub.alert.AlertCloseRoute}).
 */
package io.itsmhub.hub.alert;
