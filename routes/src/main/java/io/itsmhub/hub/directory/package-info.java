/**
 * The directory: LDAP logins, the sync of users, groups and managers into the record, and the account operations
 * that fulfilment uses. Present only when {@code hub.ldap.url} is set. Start at {@link io.itsmhub.hub.directory.DirectorySyncRoute}.
 */
package io.itsmhub.hub.directory;
