package io.itsmhub.core.security;

import io.itsmhub.core.people.Person;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Does work on behalf of a known person who reached the hub another way than a login (a mail they sent, a decision
 * taken in the OA system), so that the same rules apply and the journal names them.
 */
public final class RunAs {
    private RunAs() { }

    public static <T> T person(Person person, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person.getUsername(), null,
                person.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
