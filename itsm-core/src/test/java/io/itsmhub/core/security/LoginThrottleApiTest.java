package io.itsmhub.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.itsmhub.core.people.PersonForm;
import io.itsmhub.core.people.Role;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Login throttling on the API (limits of this context: 3 failures per account, 6 per address, within 10 minutes):
 * further attempts get 429 with Retry-After until the window passes, and a throttled attempt never reaches the
 * directory, so the hub cannot lock a directory account out.
 */
class LoginThrottleApiTest extends AccountsApiTestSupport {

    @Test
    void afterTooManyFailuresOfAnAccountEvenTheRightPasswordWaitsForTheWindow() throws Exception {
        String address = "192.0.2.21";
        people.save(new PersonForm("tina", "Tina", null, null, null, PASSWORD, Set.of(Role.REQUESTER), Set.of()));
        for (int i = 0; i < 3; i++) {
            whoami("tina", "wrong-" + i, address).andExpect(status().isUnauthorized());
        }
        whoami("tina", PASSWORD, address).andExpect(status().isTooManyRequests())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(header().string("Retry-After", "600"))
                .andExpect(jsonPath("$.title").value("Too many failed logins"));
        whoami("tina", PASSWORD, "192.0.2.22").andExpect(status().isTooManyRequests()); // the account, from anywhere

        clock.advance(Duration.ofMinutes(4));
        whoami("tina", PASSWORD, address).andExpect(header().string("Retry-After", "360"));
        clock.advance(Duration.ofMinutes(6).plusSeconds(1));
        whoami("tina", PASSWORD, address).andExpect(status().isOk());
        asAdmin(get("/api/v1/security/events"), "192.0.2.23")
                .andExpect(jsonPath("$[?(@.kind == 'login-throttled' && @.username == 'tina')]").isNotEmpty());
    }

    @Test
    void aThrottledDirectoryLoginNeverReachesTheDirectoryWhateverTheCaseOfTheName() throws Exception {
        String address = "192.0.2.31";
        directory.put("d.lock", "locks-ldap-pw-1", Set.of());
        for (int i = 0; i < 3; i++) {
            whoami("d.lock", "guess-" + i, address).andExpect(status().isUnauthorized());
        }
        assertThat(directory.binds("d.lock")).isEqualTo(3);

        whoami("d.lock", "guess-3", address).andExpect(status().isTooManyRequests());
        whoami("D.Lock", "guess-4", "192.0.2.32").andExpect(status().isTooManyRequests());
        whoami("d.lock", "locks-ldap-pw-1", address).andExpect(status().isTooManyRequests());
        assertThat(directory.binds("d.lock")).as("no bind for a throttled attempt").isEqualTo(3);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        whoami("d.lock", "locks-ldap-pw-1", address).andExpect(status().isOk());
        assertThat(directory.binds("d.lock")).isEqualTo(4);
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottledButOthersAreNot() throws Exception {
        String sprayer = "192.0.2.41";
        for (int i = 0; i < 6; i++) {
            whoami("nobody-" + i, "spray-pw", sprayer).andExpect(status().isUnauthorized());
        }
        whoami("alice", PASSWORD, sprayer).andExpect(status().isTooManyRequests());
        whoami("alice", PASSWORD, "192.0.2.42").andExpect(status().isOk());
    }

    @Test
    void aGoodLoginClearsTheAccountsFailures() throws Exception {
        String address = "192.0.2.51";
        people.save(new PersonForm("gus", "Gus", null, null, null, PASSWORD, Set.of(Role.REQUESTER), Set.of()));
        whoami("gus", "typo-1", address).andExpect(status().isUnauthorized());
        whoami("gus", "typo-2", address).andExpect(status().isUnauthorized());
        whoami("gus", PASSWORD, address).andExpect(status().isOk());
        whoami("gus", "typo-3", address).andExpect(status().isUnauthorized());
        whoami("gus", "typo-4", address).andExpect(status().isUnauthorized());
        whoami("gus", PASSWORD, address).andExpect(status().isOk());
    }

    @Test
    void limitsMustBePositiveAndNameTheirProperty() {
        assertThatThrownBy(() -> new LoginThrottleSettings(0, null, null))
                .hasMessage("hub.security.login-throttle.max-failures-per-account must be at least 1, was 0");
        assertThatThrownBy(() -> new LoginThrottleSettings(null, null, Duration.ZERO))
                .hasMessageContaining("hub.security.login-throttle.window must be positive");
        assertThat(new LoginThrottleSettings(null, null, null).maxFailuresPerAddress()).isEqualTo(20);
    }
}
