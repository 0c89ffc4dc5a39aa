package io.itsmhub.core.security;

import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.PersonForm;
import io.itsmhub.core.people.Role;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure the administrator {@code admin} exists. With {@code HUB_ADMIN_PASSWORD} set, that is its password
 * (re-applied at every start, so rotating it is a restart). Without it, the first start generates one and
 * prints it once; only its hash is stored.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN = "admin";

    private final PeopleService people;
    private final String configuredPassword;

    AdminBootstrap(PeopleService people, @Value("${hub.admin.password:}") String configuredPassword) {
        this.people = people;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean exists = people.find(ADMIN).isPresent();
        if (!configuredPassword.isBlank()) {
            save(configuredPassword);
        } else if (!exists) {
            String generated = randomPassword();
            save(generated);
            log.warn("Generated password for the bootstrap administrator '{}': {}  (shown once; set HUB_ADMIN_PASSWORD to choose one)",
                    ADMIN, generated);
        }
    }

    private void save(String password) {
        people.save(new PersonForm(ADMIN, "Administrator", null, null, null, password, Set.of(Role.ADMIN), Set.of()));
    }

    static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
