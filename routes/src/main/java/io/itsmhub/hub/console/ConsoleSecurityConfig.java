package io.itsmhub.hub.console;

import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.security.LoginThrottledException;
import io.itsmhub.core.security.SessionAccountCheck;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * People use the console with a browser: form login, a session cookie and so CSRF protection on every form and
 * every htmx call (the token travels in a header, see console.js). The same accounts, directory and roles as the
 * API authenticate here ({@code hubAuthentication}); the API keeps its own stateless chain.
 */
@Configuration
class ConsoleSecurityConfig {

    static final String[] PAGES = {"/", "/login", "/logout", "/portal/**", "/agent/**", "/approvals/**",
            "/releases/**", "/cmdb/**", "/dashboard/**", "/t/**", "/console/**", "/webjars/**", "/favicon.ico"};

    @Bean
    @Order(20)
    SecurityFilterChain consoleChain(HttpSecurity http, AuthenticationManager hubAuthentication, PeopleService people)
            throws Exception {
        return http
                .securityMatcher(PAGES)
                .authenticationManager(hubAuthentication)
                // a deactivated person's session ends on their next request, a role change counts at once
                .addFilterBefore(new SessionAccountCheck(people), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/console/**", "/webjars/**", "/favicon.ico").permitAll()
                        // the pages' own @PreAuthorize rules decide per action; these keep whole areas closed
                        .requestMatchers("/agent/dead-letters/**").hasRole("ADMIN")
                        .requestMatchers("/agent/**").hasAnyRole("AGENT", "ADMIN")
                        .requestMatchers("/releases/**").hasAnyRole("RELEASE_MANAGER", "CHANGE_MANAGER", "ADMIN")
                        .requestMatchers("/cmdb/**", "/dashboard/**")
                        .hasAnyRole("AGENT", "CHANGE_MANAGER", "RELEASE_MANAGER", "ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(ConsoleSecurityConfig::loginFailed).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(ex -> ex.accessDeniedPage("/console/denied"))
                .headers(headers -> headers
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'none'; form-action 'self'")))
                .build();
    }

    /** A throttled login says so, and for how long, instead of "wrong password" (which would invite another try). */
    private static void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String target = e instanceof LoginThrottledException throttled
                ? "/login?throttled=" + (throttled.retryAfterSeconds() + 59) / 60
                : "/login?error";
        response.sendRedirect(request.getContextPath() + target);
    }
}
