package io.itsmhub.core.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the caller is and which roles they hold: lets a client check its credentials without touching a
 * ticket, and is the "bare endpoint" the benchmark measures ticket calls against (same stack, no work).
 */
@RestController
class WhoAmIController {

    record Me(String username, List<String> roles) { }

    @GetMapping("/api/v1/whoami")
    Me whoami(Authentication authentication) {
        return new Me(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).map(a -> a.replaceFirst("^ROLE_", "").toLowerCase().replace('_', '-'))
                .sorted().toList());
    }
}
