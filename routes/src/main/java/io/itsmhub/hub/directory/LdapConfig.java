package io.itsmhub.hub.directory;

import io.itsmhub.connectors.ldap.LdapSettings;
import io.itsmhub.connectors.ldap.UnboundIdDirectoryClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(LdapSettings.class)
@ConditionalOnExpression(LdapConfig.CONFIGURED)
class LdapConfig {

    static final String CONFIGURED = "!'${hub.ldap.url:}'.isBlank()";

    @Bean(destroyMethod = "close")
    UnboundIdDirectoryClient directoryClient(LdapSettings settings) {
        return new UnboundIdDirectoryClient(settings);
    }
}
