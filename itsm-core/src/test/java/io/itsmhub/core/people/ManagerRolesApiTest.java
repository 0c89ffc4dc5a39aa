package io.itsmhub.core.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import io.itsmhub.core.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** Who authorises changes does not also deploy them: change-manager and release-manager are separate roles. */
@TestPropertySource(properties = {"hub.ldap.group-roles.itsm-cab=change-manager",
        "hub.ldap.group-roles.itsm-release=release-manager"})
class ManagerRolesApiTest extends ApiTest {

    @Autowired DirectorySync sync;

    @Test
    void anAdminCannotGiveOnePersonBothManagerRoles() throws Exception {
        people.save(new PersonForm("adm2", "Adm", null, null, null, PASSWORD, Set.of(Role.ADMIN), Set.of()));
        String ursula = "ursula-" + System.nanoTime();
        Map<String, Object> both = Map.of("username", ursula, "displayName", "Ursula", "password", PASSWORD,
                "roles", List.of("CHANGE_MANAGER", "RELEASE_MANAGER"));
        mvc.perform(put("/api/v1/users/" + ursula).with(httpBasic("adm2", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(both)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("roles"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("hub.roles.allow-combined-manager-roles")));
        assertThat(people.find(ursula)).as("nothing saved").isEmpty();

        mvc.perform(put("/api/v1/users/" + ursula).with(httpBasic("adm2", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("username", ursula, "displayName", "Ursula",
                                "roles", List.of("CHANGE_MANAGER", "AGENT")))))
                .andExpect(status().isOk());
    }

    @Test
    void aDirectoryMappingBothRolesKeepsTheOneAlreadyHeldAndReportsIt() {
        String tag = "-" + System.nanoTime();
        DirectoryAccount newcomer = new DirectoryAccount("m.new" + tag, "New", null, null, null, Set.of("itsm-cab", "itsm-release"), false);
        DirectoryAccount cab = new DirectoryAccount("m.cab" + tag, "Cab", null, null, null, Set.of("itsm-cab"), false);
        sync.syncAll(List.of(cab), List.of("itsm-cab", "itsm-release"), "admin");
        assertThat(people.find("m.cab" + tag).orElseThrow().getRoles()).contains(Role.CHANGE_MANAGER);

        DirectoryAccount cabAlsoRelease = new DirectoryAccount("m.cab" + tag, "Cab", null, null, null, Set.of("itsm-cab", "itsm-release"), false);
        DirectorySyncReport report = sync.syncAll(List.of(cabAlsoRelease, newcomer), List.of("itsm-cab", "itsm-release"), "admin");
        assertThat(people.find("m.cab" + tag).orElseThrow().getRoles()).contains(Role.CHANGE_MANAGER).doesNotContain(Role.RELEASE_MANAGER);
        assertThat(people.find("m.new" + tag).orElseThrow().getRoles()).containsExactly(Role.REQUESTER);
        assertThat(report.errors()).anyMatch(e -> e.startsWith("m.cab" + tag + ":") && e.contains("both change-manager and release-manager"))
                .anyMatch(e -> e.startsWith("m.new" + tag + ":"));
    }
}
