package io.itsmhub.hub.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Webhooks are called by machines with a shared token, not by users: Spring Security lets them through to
 * their route, whose first step checks the token ({@link WebhookAuthenticator}). No session, no CSRF cookie.
 */
@Configuration
class WebhookSecurityConfig {

    @Bean
    @Order(5)
    SecurityFilterChain webhookChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/webhooks/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
