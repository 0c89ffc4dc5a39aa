/**
 * The LDAP connector: logins against the directory, the people and groups the hub syncs, and the few changes an
 * access request or offboarding makes (group membership, password reset, disabling), behind the narrow
 * {@link io.itsmhub.connectors.ldap.DirectoryClient} and implemented on the UnboundID LDAP SDK by
 * {@link io.itsmhub.connectors.ldap.UnboundIdDirectoryClient}. Configured by
 * {@link io.itsmhub.connectors.ldap.LdapSettings} under {@code hub.ldap}; every failure is a
 * {@link io.itsmhub.connectors.ConnectorException} of system {@code "ldap"} that says whether a retry can help.
 * Tests run against {@code DirectoryServer} (test-jar), UnboundID's in-memory LDAP server with sample people.
 */
package io.itsmhub.connectors.ldap;
