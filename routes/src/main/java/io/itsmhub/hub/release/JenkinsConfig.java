package io.itsmhub.hub.release;

import io.itsmhub.connectors.jenkins.JenkinsClient;
import io.itsmhub.connectors.jenkins.JenkinsSettings;
import io.itsmhub.connectors.jenkins.RestJenkinsClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(JenkinsSettings.class)
class JenkinsConfig {

    private static final Logger log = LoggerFactory.getLogger(JenkinsConfig.class);

    /** Without hub.jenkins.url the hub still runs; a release it tries to start says what is missing. */
    @Bean
    JenkinsClient jenkinsClient(JenkinsSettings settings) {
        if (!settings.configured()) {
            log.warn("hub.jenkins.url is not set: release changes cannot start their pipelines");
            return new UnconfiguredJenkins();
        }
        log.info("Jenkins at {}", settings.url());
        return new RestJenkinsClient(settings);
    }
}
