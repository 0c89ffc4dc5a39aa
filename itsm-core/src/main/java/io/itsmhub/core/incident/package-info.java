/**
 * Incidents: an interruption or degradation of a service, raised by a person, by monitoring or by mail,
 * worked by an assignment group and resolved with a resolution code. The lifecycle is the table in
 * {@link io.itsmhub.core.incident.IncidentWorkflow}.
 *
 * <p>Priority and assignment are the service desk's. A requester (no staff role, also when their mail opens the
 * incident) states impact and urgency only as {@code reportedImpact}/{@code reportedUrgency}; the incident starts
 * at the untriaged MEDIUM × MEDIUM (P3), the same default as a staff incident that gives neither, until an agent
 * triages it with PATCH (agents only). A requester who names an assignee or assignment group gets 400 naming the
 * field. Agents and the hub's own intakes (Alertmanager, failed deployments) set priority and assignment as before.
 */
package io.itsmhub.core.incident;
