/**
 * Ticket types defined as data: a {@link io.itsmhub.core.ticket.defined.TicketTypeDefinition} (a workflow and its
 * fields) is all a new type takes. Its tickets live in the kernel's own table and get everything the kernel does
 * (desks, visibility, assignment, SLA, journal, escalation) without a line of code of their own.
 */
package io.itsmhub.core.ticket.defined;
