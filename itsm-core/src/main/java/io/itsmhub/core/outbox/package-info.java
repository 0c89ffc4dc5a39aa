/**
 * The transactional outbox and its delivery engine: every state transition writes a domain event (with a stable
 * {@link io.itsmhub.core.outbox.EventName}) and one publication per subscriber in the same transaction as the
 * change. Subscribers claim their publications at-least-once, in order per ticket, under a lease fenced by a claim
 * token; they acknowledge them, or fail them for a retry with back-off; what keeps failing is parked for an operator
 * to replay, one subscriber's delivery at a time.
 */
package io.itsmhub.core.outbox;
