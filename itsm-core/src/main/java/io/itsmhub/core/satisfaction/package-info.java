/**
 * Satisfaction: the person a ticket was for (an incident's caller, a request's requester) rates it 1–5, once, when it
 * is resolved, with an optional comment. The rating goes on the ticket's journal and out as a {@code TicketRated}
 * event; the operations metrics average the scores (csat).
 */
package io.itsmhub.core.satisfaction;
