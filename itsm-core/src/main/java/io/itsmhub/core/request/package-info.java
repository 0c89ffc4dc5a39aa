/**
 * Service requests raised from the catalog: the form a catalog item defines is validated on submit, the
 * request is approved (approvals are records: who, decision, comment, when) and then fulfilled.
 */
package io.itsmhub.core.request;
