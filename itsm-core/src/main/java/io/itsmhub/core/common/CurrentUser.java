package io.itsmhub.core.common;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller of the current request, for journals and for ownership rules; "system" when no one is logged in. */
@Component
public class CurrentUser {

    public static final String SYSTEM = "system";

    public String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? SYSTEM : auth.getName();
    }

    /** True when the caller has none of the staff roles: they only see what they raised themselves. */
    public boolean isRequesterOnly() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return false; // system work (routes, schedulers) sees everything
        }
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .noneMatch(a -> a.equals("ROLE_AGENT") || a.equals("ROLE_ADMIN") || a.equals("ROLE_CHANGE_MANAGER")
                        || a.equals("ROLE_RELEASE_MANAGER"));
    }

    /** True for the hub's own work (routes, schedulers): nobody is logged in. */
    public boolean isSystem() {
        return SecurityContextHolder.getContext().getAuthentication() == null;
    }

    public boolean hasRole(String role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }
}
