package io.itsmhub.hub.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Checks the credentials a webhook sender puts in {@code Authorization}: {@code Bearer <token>}, or HTTP Basic
 * with the token as password (any user name), the two ways Alertmanager's {@code http_config} can send them.
 * Compared in constant time. Without a configured token every call is refused.
 */
public final class WebhookAuthenticator {

    private final byte[] token;
    private final String name;

    public WebhookAuthenticator(String name, String token) {
        this.name = name;
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    public boolean configured() {
        return token != null;
    }

    /** Throws {@link WebhookUnauthorizedException} unless {@code authorization} carries the token. */
    public void check(String authorization) {
        if (token == null) {
            throw new WebhookUnauthorizedException("the " + name + " webhook has no token configured");
        }
        if (authorization == null || !MessageDigest.isEqual(token, presented(authorization.trim()))) {
            throw new WebhookUnauthorizedException("missing or wrong credentials");
        }
    }

    private static byte[] presented(String authorization) {
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return (colon < 0 ? "" : pair.substring(colon + 1)).getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return new byte[0];
            }
        }
        return new byte[0];
    }
}
