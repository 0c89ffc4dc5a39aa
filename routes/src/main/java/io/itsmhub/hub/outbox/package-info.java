/**
 * Delivery of the core's outbox publications to the flows that act on them: a worker per subscriber claims its own
 * publications (SKIP LOCKED, so any number of hub processes can run this; in order per ticket; under a lease fenced
 * by a token and renewed while the batch is worked), hands each event as its typed record to the subscriber's
 * endpoint, and acknowledges, fails for a retry with back-off, or parks it. A commit wakes the workers at once
 * (in-process, and across hubs by PostgreSQL NOTIFY); the poll interval is the safety net.
 */
package io.itsmhub.hub.outbox;
