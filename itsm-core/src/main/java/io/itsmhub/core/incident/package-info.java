/**
 * Incidents: an interruption or degradation of a service, raised by a person, by monitoring or by mail,
 * worked by an assignment group and resolved with a resolution code. The lifecycle is the table in
 * {@link io.itsmhub.core.incident.IncidentWorkflow}.
 */
package io.itsmhub.core.incident;
