/**
 * People and groups: who can log in, with which roles, who their manager is and which groups they work in.
 * Local for now; the directory sync fills the same tables from LDAP.
 */
package io.itsmhub.core.people;
