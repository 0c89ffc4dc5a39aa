package io.itsmhub.core.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the login throttle in front of every provider, local and directory alike: a throttled attempt is refused
 * before any password is checked, so the directory never sees it. Only wrong credentials count as failures; a
 * disabled account or a directory that is down says nothing about the password.
 */
class ThrottledAuthenticationManager implements AuthenticationManager {

    private final AuthenticationManager delegate;
    private final LoginThrottle throttle;

    ThrottledAuthenticationManager(AuthenticationManager delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        LoginThrottle.Attempt attempt = throttle.begin(authentication.getName(), address(authentication));
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (BadCredentialsException e) {
            attempt.failed();
            throw e;
        }
        attempt.succeeded();
        return result;
    }

    /** The address the servlet container saw (behind a proxy: set server.forward-headers-strategy so it is the client's). */
    static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
