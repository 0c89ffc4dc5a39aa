package io.itsmhub.core.security;

import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import io.itsmhub.core.people.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For chains with sessions (the console): on every request, the person behind the session is read again from the
 * people table. Deactivated (by an administrator, an HR leaver or the directory) or gone: the session ends there
 * and the request goes on as anonymous, so the chain sends them to the login as for a session that ran out. Roles
 * changed: the session's roles become today's. One primary-key read per request, against the database every hub
 * process shares, so a deactivation holds on all of them at once, with no session registry to keep in step.
 */
public class SessionAccountCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionAccountCheck.class);

    private final PeopleService people;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    public SessionAccountCheck(PeopleService people) {
        this.people = people;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication auth = context.getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            Optional<Person> person = people.find(auth.getName());
            if (person.isEmpty() || !person.get().isActive()) {
                log.info("Session of '{}' ended: the account is no longer active", auth.getName());
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            } else {
                Set<String> now = person.get().getRoles().stream().map(Role::authority).collect(Collectors.toSet());
                Set<String> held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .collect(Collectors.toSet());
                if (!now.equals(held)) {
                    UsernamePasswordAuthenticationToken current = UsernamePasswordAuthenticationToken.authenticated(
                            auth.getPrincipal(), null, now.stream().map(SimpleGrantedAuthority::new).toList());
                    current.setDetails(auth.getDetails());
                    SecurityContext updated = SecurityContextHolder.createEmptyContext();
                    updated.setAuthentication(current);
                    SecurityContextHolder.setContext(updated);
                    sessions.saveContext(updated, request, response);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
