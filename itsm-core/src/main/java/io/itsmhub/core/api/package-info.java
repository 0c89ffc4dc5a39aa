/** What all REST controllers share: RFC 9457 problem+json errors, the clock and the OpenAPI description. */
package io.itsmhub.core.api;
