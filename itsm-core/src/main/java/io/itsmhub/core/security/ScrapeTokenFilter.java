package io.itsmhub.core.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A scraper's Bearer token on the actuator endpoints: the right one reads them with the {@code monitoring} role,
 * a wrong one is a 401 at once (no fall-through to other logins). Compared in constant time.
 */
class ScrapeTokenFilter extends OncePerRequestFilter {

    static final String PRINCIPAL = "scrape-token";

    private final byte[] token;
    private final ProblemSecurityHandlers problems;

    ScrapeTokenFilter(MonitoringSettings settings, ProblemSecurityHandlers problems) {
        this.token = settings.scrapeToken() == null ? null : settings.scrapeToken().getBytes(StandardCharsets.UTF_8);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] sent = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (token == null || !MessageDigest.isEqual(token, sent)) {
            problems.commence(request, response, new BadCredentialsException("wrong scrape token"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL, null,
                List.of(new SimpleGrantedAuthority(io.itsmhub.core.people.Role.MONITORING.authority()))));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
