/**
 * The mail connector: email out over SMTP ({@link io.itsmhub.connectors.mail.MailSender}, implemented by
 * {@link io.itsmhub.connectors.mail.SmtpMailSender}) and in over IMAP ({@link io.itsmhub.connectors.mail.Mailbox},
 * implemented by {@link io.itsmhub.connectors.mail.ImapMailbox}) on Jakarta Mail (Eclipse Angus). Outgoing mail
 * carries a Message-ID of the hub's own so that replies can be threaded; incoming mail is read without being
 * changed and marked processed only once the caller has committed it (at-least-once).
 * {@link io.itsmhub.connectors.mail.TicketReference} finds a ticket number in a subject. Configured by
 * {@link io.itsmhub.connectors.mail.MailSettings} under {@code hub.mail}; every failure is a
 * {@link io.itsmhub.connectors.ConnectorException} of system {@code "mail"} that says whether a retry can help.
 */
package io.itsmhub.connectors.mail;
