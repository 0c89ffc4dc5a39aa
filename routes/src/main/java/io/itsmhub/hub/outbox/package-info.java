/**
 * Delivery of the core's outbox events to the routes that act on them: claimed in batches (SKIP LOCKED, so any
 * number of hub processes can run this), handed to every subscribed route, acknowledged when all succeeded,
 * failed for a retry with back-off otherwise, parked at once when the peer refused for good.
 */
package io.itsmhub.hub.outbox;
