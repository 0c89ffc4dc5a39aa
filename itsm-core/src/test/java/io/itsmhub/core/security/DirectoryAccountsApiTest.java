package io.itsmhub.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.itsmhub.core.people.DirectoryAccount;
import io.itsmhub.core.people.DirectorySync;
import io.itsmhub.core.people.DirectorySyncReport;
import io.itsmhub.core.people.Person;
import io.itsmhub.core.people.PersonForm;
import io.itsmhub.core.people.Role;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Local accounts and directory accounts: the directory never takes over a local account (the bootstrap admin above
 * all) and an administrator sees each clash; a deactivation or a role change counts from the very next API call,
 * whatever the hub remembers of an earlier bind.
 */
class DirectoryAccountsApiTest extends AccountsApiTestSupport {

    @Autowired DirectorySync sync;

    @Test
    void aDirectoryUserNamedAdminCannotLogInAsTheLocalAdminAndTheClashIsListedForAnAdmin() throws Exception {
        String address = "192.0.2.11";
        directory.put("admin", "the-directorys-admin-pw", Set.of("itsm-agents"));
        String hashBefore = people.find("admin").orElseThrow().getPasswordHash();

        whoami("admin", "the-directorys-admin-pw", address).andExpect(status().isUnauthorized());

        Person admin = people.find("admin").orElseThrow();
        assertThat(admin.getSource()).isEqualTo("local");
        assertThat(admin.getRoles()).containsExactly(Role.ADMIN);
        assertThat(admin.getPasswordHash()).isEqualTo(hashBefore);
        whoami("admin", ADMIN_PASSWORD, address).andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("admin"));
        asAdmin(get("/api/v1/security/events"), address).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.kind == 'directory-name-clash' && @.username == 'admin')].detail")
                        .value("directory login refused: 'admin' is a local account of the hub"))
                .andExpect(jsonPath("$[?(@.kind == 'directory-name-clash' && @.username == 'admin')].address")
                        .value(address));
        whoami("rita", PASSWORD, address).andExpect(status().isOk());
        mvc.perform(from(get("/api/v1/security/events").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("rita", PASSWORD)), address))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDirectorySyncLeavesALocalAccountOfTheSameNameAloneAndReportsIt() throws Exception {
        String address = "192.0.2.12";
        DirectoryAccount alice = new DirectoryAccount("alice", "Alice from LDAP", "alice@corp.example", null, null,
                Set.of("itsm-agents"), true);
        DirectorySyncReport report = sync.syncAll(List.of(alice), List.of("itsm-agents"), "admin");

        assertThat(report.errors()).contains("skipped 'alice': a local account of the hub has that name");
        Person local = people.find("alice").orElseThrow();
        assertThat(local.getSource()).isEqualTo("local");
        assertThat(local.isActive()).as("the directory's 'disabled' does not reach a local account").isTrue();
        assertThat(local.getDisplayName()).isEqualTo("ALICE");
        assertThat(local.getRoles()).containsExactly(Role.AGENT);
        whoami("alice", PASSWORD, address).andExpect(status().isOk());
        asAdmin(get("/api/v1/security/events"), address)
                .andExpect(jsonPath("$[?(@.kind == 'directory-name-clash' && @.username == 'alice')]").isNotEmpty());
        asAdmin(get("/api/v1/directory/syncs"), address)
                .andExpect(jsonPath("$[0].errors[0]").value("skipped 'alice': a local account of the hub has that name"));
    }

    @Test
    void aPersonRecordWithoutALocalPasswordBecomesTheDirectorysAtTheFirstDirectoryLogin() throws Exception {
        String address = "192.0.2.13";
        people.save(new PersonForm("joe.joiner", "Joe (from HR)", null, null, null, null, Set.of(Role.REQUESTER), Set.of()));
        directory.put("joe.joiner", "joes-ldap-pw-1", Set.of("itsm-agents"));

        whoami("joe.joiner", "joes-ldap-pw-1", address).andExpect(status().isOk());

        Person joe = people.find("joe.joiner").orElseThrow();
        assertThat(joe.getSource()).isEqualTo(DirectorySync.SOURCE);
        assertThat(joe.getRoles()).containsExactlyInAnyOrder(Role.REQUESTER, Role.AGENT);
    }

    @Test
    void aDirectoryUserAnAdminDeactivatesIsRefusedOnTheNextCallAndTheDirectoryCannotSwitchThemBackOn() throws Exception {
        String address = "192.0.2.14";
        directory.put("d.dan", "dans-ldap-pw-1", Set.of("itsm-agents"));
        whoami("d.dan", "dans-ldap-pw-1", address).andExpect(status().isOk());

        adminPost("/api/v1/users/d.dan/deactivate", address).andExpect(status().isOk());
        whoami("d.dan", "dans-ldap-pw-1", address).andExpect(status().isUnauthorized());

        clock.advance(Duration.ofMinutes(2)); // past the remembered bind: the directory is asked again and says yes
        whoami("d.dan", "dans-ldap-pw-1", address).andExpect(status().isUnauthorized());
        assertThat(people.find("d.dan").orElseThrow().isActive()).isFalse();
        sync.syncAll(List.of(new DirectoryAccount("d.dan", "Dan", null, null, null, Set.of("itsm-agents"), false)),
                List.of("itsm-agents"), "schedule");
        whoami("d.dan", "dans-ldap-pw-1", address)
                .andExpect(status().isUnauthorized());

        adminPost("/api/v1/users/d.dan/activate", address).andExpect(status().isOk());
        whoami("d.dan", "dans-ldap-pw-1", address).andExpect(status().isOk());
    }

    @Test
    void aSyncThatDropsAGroupOrTheUserCountsFromTheNextCall() throws Exception {
        String address = "192.0.2.15";
        directory.put("d.eve", "eves-ldap-pw-1", Set.of("itsm-agents"));
        whoami("d.eve", "eves-ldap-pw-1", address).andExpect(jsonPath("$.roles").value(
                org.hamcrest.Matchers.containsInAnyOrder("agent", "requester")));

        sync.syncAll(List.of(new DirectoryAccount("d.eve", "Eve", null, null, null, Set.of(), false)), List.of(), "schedule");
        whoami("d.eve", "eves-ldap-pw-1", address).andExpect(jsonPath("$.roles").value(
                org.hamcrest.Matchers.contains("requester")));

        sync.syncAll(List.of(), List.of(), "schedule");
        whoami("d.eve", "eves-ldap-pw-1", address)
                .andExpect(status().isUnauthorized());

        sync.syncAll(List.of(new DirectoryAccount("d.eve", "Eve", null, null, null, Set.of(), false)), List.of(), "schedule");
        whoami("d.eve", "eves-ldap-pw-1", address)
                .andExpect(status().isOk());
    }

    @Test
    void aLocalUserAnHrLeaverOrAdminDeactivatesIsRefusedOnTheNextCallAndRoleChangesCountAtOnce() throws Exception {
        String address = "192.0.2.16";
        people.save(new PersonForm("lou", "Lou", null, null, null, PASSWORD, Set.of(Role.AGENT), Set.of()));
        whoami("lou", PASSWORD, address).andExpect(jsonPath("$.roles[0]").value("agent"));
        people.save(new PersonForm("lou", "Lou", null, null, null, null, Set.of(Role.REQUESTER), Set.of()));
        whoami("lou", PASSWORD, address).andExpect(jsonPath("$.roles[0]").value("requester"));
        adminPost("/api/v1/users/lou/deactivate", address).andExpect(status().isOk());
        whoami("lou", PASSWORD, address).andExpect(status().isUnauthorized());
    }
}
