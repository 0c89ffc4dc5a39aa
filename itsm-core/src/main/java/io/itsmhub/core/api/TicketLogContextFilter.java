package io.itsmhub.core.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the ticket number of an API call (e.g. INC-000042 in /api/v1/incidents/INC-000042/resolve) into the
 * logging context as {@code ticket}, so that every log line written while serving it can be found by number.
 */
@Component
class TicketLogContextFilter extends OncePerRequestFilter {

    private static final Pattern TICKET = Pattern.compile("^/api/v1/[a-z-]+/([A-Z]{2,3}-\\d{6,})(/|$)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher matcher = TICKET.matcher(request.getRequestURI());
        if (!matcher.find()) {
            chain.doFilter(request, response);
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable("ticket", matcher.group(1))) {
            chain.doFilter(request, response);
        }
    }
}
