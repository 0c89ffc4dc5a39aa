/**
 * The transactional outbox: every state transition writes a domain event in the same transaction as the
 * change, and consumers (the hub's routes) claim events at-least-once, acknowledge them or fail them for a
 * retry with back-off; events that keep failing are parked for an operator to replay.
 */
package io.itsmhub.core.outbox;
