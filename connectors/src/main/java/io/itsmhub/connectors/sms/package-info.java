/**
 * The SMS connector: one provider-neutral client of an HTTP SMS gateway. Every Chinese and international
 * gateway wants a slightly different JSON body and authentication header, so instead of one class per
 * provider the operator describes the request ({@link io.itsmhub.connectors.sms.SmsSettings} under
 * {@code hub.sms}: URL, method, headers, a JSON body template with {@code ${to}} and {@code ${text}}, and
 * optionally which answer field means success). Every failure is a {@link io.itsmhub.connectors.ConnectorException}
 * of system {@code "sms"} that says whether a retry can help.
 */
package io.itsmhub.connectors.sms;
