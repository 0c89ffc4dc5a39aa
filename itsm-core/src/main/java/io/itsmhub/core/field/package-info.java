/**
 * Custom fields: typed fields an administrator adds per ticket type and desk without code (inherited by the desks
 * below), with conditions on the other fields; checked on every write through the ticket kernel, and indexed one
 * value per row ({@code ticket_attribute}) so that lists filter and sort on them.
 */
package io.itsmhub.core.field;
