/**
 * Work queues across ticket types: what is mine, my groups', nobody's, and what is about to miss its target —
 * incidents and service requests side by side, each asked of its own service.
 */
package io.itsmhub.core.queue;
