package io.itsmhub.core.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.core.people.DirectorySync;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The REST API: stateless HTTP Basic, every call authenticated, roles checked per endpoint with
 * {@code @PreAuthorize}. CSRF protection is off here only because no cookie authenticates an API call.
 */
@Configuration
@EnableMethodSecurity
class ApiSecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder(), Duration.ofMinutes(5));
    }

    /**
     * Local users first (the bootstrap admin, demo and API users with a password here), then the directory when
     * one is configured, behind the login throttle. Built by hand rather than left to Boot, which drops the local
     * provider as soon as another provider exists.
     */
    @Bean
    AuthenticationManager hubAuthentication(PersonUserDetailsService localUsers, PasswordEncoder passwords,
                                            ObjectProvider<DirectoryAuthenticator> directory, DirectorySync sync,
                                            PeopleService people, LoginThrottle throttle, Clock clock) {
        DaoAuthenticationProvider local = new DaoAuthenticationProvider(localUsers);
        local.setPasswordEncoder(passwords);
        List<AuthenticationProvider> providers = new ArrayList<>(List.of(local));
        directory.ifAvailable(d -> providers.add(new DirectoryAuthenticationProvider(d, sync, people, clock)));
        ProviderManager manager = new ProviderManager(providers);
        manager.setEraseCredentialsAfterAuthentication(true);
        return new ThrottledAuthenticationManager(manager, throttle);
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(ObjectMapper json) {
        return new ProblemSecurityHandlers(json);
    }

    @Bean
    @Order(10)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemSecurityHandlers problems, AuthenticationManager hubAuthentication)
            throws Exception {
        return http
                .securityMatcher("/api/**")
                .authenticationManager(hubAuthentication)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The actuator: health stays public (load balancers, Kubernetes probes); metrics, Prometheus, info and the rest
     * are for administrators, the {@code monitoring} role and a scraper's token only, never for requesters or agents.
     * Matched by path because the core has no actuator of its own; the runnable hub brings it.
     */
    @Bean
    @Order(50)
    SecurityFilterChain monitoringChain(HttpSecurity http, ProblemSecurityHandlers problems,
                                        AuthenticationManager hubAuthentication, MonitoringSettings monitoring)
            throws Exception {
        return http
                .securityMatcher("/actuator/**")
                .authenticationManager(hubAuthentication)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasAnyRole(Role.ADMIN.name(), Role.MONITORING.name()))
                .addFilterBefore(new ScrapeTokenFilter(monitoring, problems), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Everything else: health and API docs are public; the rest needs a login. */
    @Bean
    @Order(100)
    SecurityFilterChain defaultChain(HttpSecurity http, ProblemSecurityHandlers problems,
                                     AuthenticationManager hubAuthentication) throws Exception {
        return http
                .authenticationManager(hubAuthentication)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
