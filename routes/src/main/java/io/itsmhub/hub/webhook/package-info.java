/** What every inbound webhook shares: its own security chain, token authentication and problem+json answers. */
package io.itsmhub.hub.webhook;
