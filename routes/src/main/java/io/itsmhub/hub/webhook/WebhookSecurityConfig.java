package io.itsmhub.hub.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Webhooks are called by machines with a shared token or signature, not by users: no session, no CSRF cookie.
 * Each webhook's {@link WebhookGate} checks the headers before the body is read and the body is bounded
 * ({@link WebhookGuardFilter}); the route then checks the token again as its first step.
 */
@Configuration
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookSecurityConfig {

    @Bean
    @Order(5)
    SecurityFilterChain webhookChain(HttpSecurity http, List<WebhookGate> gates, WebhookSettings settings,
                                     ObjectMapper json, org.apache.camel.CamelContext camel) throws Exception {
        return http
                .securityMatcher("/webhooks/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // not a bean: Boot would also register it for every URL
                .addFilterBefore(new WebhookGuardFilter(gates, settings, json,
                        () -> camel.getStatus().isStarted()), AuthorizationFilter.class)
                .build();
    }
}
