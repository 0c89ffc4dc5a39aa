/**
 * Monitoring alerts (Prometheus Alertmanager) and the incidents they raise: one open incident per alert
 * identity, repeats counted instead of duplicated, a cleared alert resolving its incident, a refiring one
 * reopening it (or raising a follow-up), flapping detected, and the silence that a person's resolution set
 * at the source remembered so that a reopen can expire it.
 */
package io.itsmhub.core.alert;
