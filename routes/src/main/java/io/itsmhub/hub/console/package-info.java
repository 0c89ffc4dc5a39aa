/**
 * The web console served at {@code /}: the requesters' portal, the agents' console, approvals, the release view,
 * the CMDB and the operations dashboard. Server-rendered Thymeleaf pages with htmx for the live parts; every action
 * goes through the same core services and role rules as the REST API, with form login, a session and CSRF.
 * One sub-package per page family; this package holds what they share (security, locale, layout model, errors).
 */
package io.itsmhub.hub.console;
