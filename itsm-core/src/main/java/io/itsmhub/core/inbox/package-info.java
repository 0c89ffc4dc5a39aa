/**
 * Mail that comes in: a reply that names a ticket becomes a comment by its sender, a new mail from a known user
 * becomes an incident, anything else waits in a review list; attachments are kept on the ticket up to a limit.
 */
package io.itsmhub.core.inbox;
