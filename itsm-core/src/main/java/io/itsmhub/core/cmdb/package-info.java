/**
 * The configuration management database: configuration items (services, applications, hosts, VMs,
 * databases, …) with attributes and typed relations, and the questions asked of it during incidents and
 * changes — chiefly "what depends on this CI", answered transitively and safe against cycles.
 */
package io.itsmhub.core.cmdb;
