/**
 * Singleton timers: work that must run on one hub at a time (SLA checks, escalations, directory sync, mail intake,
 * release follow) runs under a lock in the shared database (ShedLock's JDBC provider), kept alive while it runs and
 * taken over by another hub within {@code hub.leader.lease} when its holder dies.
 */
package io.itsmhub.hub.leader;
