/**
 * Who is calling and what they may do: HTTP Basic against the people table, roles as authorities,
 * 401/403 answered as problem+json, and the bootstrap administrator.
 */
package io.itsmhub.core.security;
