/**
 * Service level targets: response and resolution times per ticket type and priority, due times computed
 * when a ticket is created, and whether a ticket breached them. Counted 24×7 for now; business calendars
 * will replace {@link io.itsmhub.core.sla.SlaService#due} without changing its callers.
 */
package io.itsmhub.core.sla;
