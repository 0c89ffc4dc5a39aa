package io.itsmhub.core.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Checks a password the caller types again for a sensitive action (resetting their own password): through the same
 * providers as a login, so that a local account is checked against its hash and a directory account by a bind. A
 * console session or a borrowed unlocked screen is not enough for such an action; knowing the password is.
 */
@Component
public class Reauthentication {

    private final AuthenticationManager hubAuthentication;

    Reauthentication(AuthenticationManager hubAuthentication) {
        this.hubAuthentication = hubAuthentication;
    }

    /** True when {@code password} is the current password of {@code username}'s active account. */
    public boolean verify(String username, String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        try {
            return hubAuthentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password))
                    .isAuthenticated();
        } catch (AuthenticationException e) {
            return false;
        }
    }
}
