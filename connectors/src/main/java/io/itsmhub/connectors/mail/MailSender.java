package io.itsmhub.connectors.mail;

/**
 * Sends mail for the hub. Failures are {@link io.itsmhub.connectors.ConnectorException}s of system
 * {@code "mail"}: retryable when the server could not be reached, timed out or answered with a transient (4xx)
 * reply; permanent when it refused the credentials, answered 5xx (e.g. 550 mailbox unavailable), or an address
 * of the mail is malformed (the message names it).
 */
public interface MailSender {

    /** Sends one message; returns its Message-ID (generated as <uuid@hub-domain> so that replies can be threaded). */
    String send(OutgoingMail mail);
}
