/**
 * What every ticket type shares: numbers, data-driven workflows, and the errors a ticket operation can raise.
 * Features use it; it depends on no feature.
 */
package io.itsmhub.core.ticket;
