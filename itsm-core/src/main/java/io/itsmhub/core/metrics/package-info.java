/**
 * Operations metrics: change success, emergency changes, first-contact resolution, MTTA, MTTR, SLA compliance,
 * incident backlog, automated fulfilment and satisfaction, each for a period and per UTC day of it.
 * <p>
 * This is the one feature that reads other features' tables directly, with read-only SQL: a figure is one grouped
 * query over the record, where going through each feature's service would mean loading every ticket of the period.
 * It writes nothing, and counts only the tickets of the desks the caller sees (the ticket kernel's
 * {@code TicketAccess} decides which; {@code DeskFilter} turns that into the queries' one desk condition). The SQL is portable (H2 and PostgreSQL): UTC days are counted from the epoch with
 * {@code EXTRACT(EPOCH FROM …)}, which does not depend on the session's time zone.
 */
package io.itsmhub.core.metrics;
