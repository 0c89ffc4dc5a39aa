/** Mail into the hub: the IMAP mailbox polled into comments, incidents and the review list. Start at {@link io.itsmhub.hub.mail.MailIntakeRoute}. */
package io.itsmhub.hub.mail;
