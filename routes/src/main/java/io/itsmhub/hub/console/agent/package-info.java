/**
 * The agents' console, for people who work tickets all day: queues as tabs (my work, my groups, unassigned,
 * breaching soon) over incidents and service requests; an incident's page with its facts, the actions its state
 * allows, the journal, the CIs it touches and the alerts behind it (with a link into Alertmanager); a request's page
 * with its fulfilment; and, for administrators, the outbox's dead letters with replay. Every action calls the same
 * core service, under the same role rule, as the REST API.
 */
package io.itsmhub.hub.console.agent;
