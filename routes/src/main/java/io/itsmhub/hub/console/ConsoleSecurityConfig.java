package io.itsmhub.hub.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;

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
    SecurityFilterChain consoleChain(HttpSecurity http, AuthenticationManager hubAuthentication) throws Exception {
        return http
                .securityMatcher(PAGES)
                .authenticationManager(hubAuthentication)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/console/**", "/webjars/**", "/favicon.ico").permitAll()
                        // the pages' own @PreAuthorize rules decide per action; these keep whole areas closed
                        .requestMatchers("/agent/dead-letters/**").hasRole("ADMIN")
                        .requestMatchers("/agent/**").hasAnyRole("AGENT", "ADMIN")
                        .requestMatchers("/releases/**").hasAnyRole("RELEASE_MANAGER", "CHANGE_MANAGER", "ADMIN")
                        .requestMatchers("/cmdb/**", "/dashboard/**")
                        .hasAnyRole("AGENT", "CHANGE_MANAGER", "RELEASE_MANAGER", "ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(ex -> ex.accessDeniedPage("/console/denied"))
                .headers(headers -> headers
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'none'; form-action 'self'")))
                .build();
    }
}
