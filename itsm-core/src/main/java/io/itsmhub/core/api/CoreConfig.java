package io.itsmhub.core.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** Wires the ITSM record into whichever application includes it (the hub, or a test application). */
@Configuration
@ConfigurationPropertiesScan("io.itsmhub.core")
@EntityScan("io.itsmhub.core")
@EnableJpaRepositories("io.itsmhub.core")
@EnableTransactionManagement
@PropertySource("classpath:itsm-core.properties")
class CoreConfig {

    /**
     * All instants are UTC and ticked in microseconds, the precision H2 and PostgreSQL store: an instant read
     * back equals the one written (databases round nanoseconds, which could put a stored time a microsecond
     * after the "now" it was taken from). Tests replace this clock to move time.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000));
    }

    @Bean
    OpenAPI hubOpenApi() {
        return new OpenAPI()
                .info(new Info().title("ITSM Hub API").version("v1")
                        .description("Incidents, requests, changes, problems, CMDB, SLAs and people. "
                                + "Errors are RFC 9457 application/problem+json."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
