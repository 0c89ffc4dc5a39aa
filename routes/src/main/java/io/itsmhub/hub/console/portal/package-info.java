/**
 * The requesters' self-service portal: the catalog, ordering with the item's own form, "my requests" with a live
 * progress timeline (status, current step and who executes it, SLA time left), and rating a resolved ticket.
 */
package io.itsmhub.hub.console.portal;
