/**
 * One small typed client per external system (Alertmanager, Jenkins, Kubernetes, Ansible, LDAP, mail,
 * SMS, chat, HR, OA), each in its own package. Connectors know nothing of the ITSM record or of Camel;
 * every client fails with a {@link io.itsmhub.connectors.ConnectorException} that says whether a retry can help.
 */
package io.itsmhub.connectors;
