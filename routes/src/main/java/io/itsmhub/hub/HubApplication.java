package io.itsmhub.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The runnable hub: the ITSM record (itsm-core), the connectors, and the Camel routes that join them. */
@SpringBootApplication(scanBasePackages = "io.itsmhub")
public class HubApplication {

    public static void main(String[] args) {
        SpringApplication.run(HubApplication.class, args);
    }
}
