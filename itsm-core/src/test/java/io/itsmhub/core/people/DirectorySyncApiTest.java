package io.itsmhub.core.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.itsmhub.core.support.ApiTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A directory sync as the LDAP route feeds it: users, groups, managers and roles in; the departed deactivated. */
@TestPropertySource(properties = {"hub.ldap.group-roles.itsm-agents=agent", "hub.ldap.group-roles.itsm-admins=admin"})
class DirectorySyncApiTest extends ApiTest {

    @Autowired DirectorySync sync;

    @Test
    void aSyncAddsUpdatesAndDeactivatesAndMapsGroupsToRoles() throws Exception {
        DirectoryAccount boss = new DirectoryAccount("d.boss", "Dana Boss", "dana@example.com", null, null, Set.of("itsm-admins"), false);
        DirectoryAccount ann = new DirectoryAccount("d.ann", "Ann", "ann@example.com", "+1 555 0100", "d.boss", Set.of("itsm-agents", "dba"), false);
        DirectoryAccount bad = new DirectoryAccount("*)(uid=*", "Evil", null, null, null, Set.of(), false);
        DirectorySyncReport first = sync.syncAll(List.of(ann, boss, bad), List.of("itsm-agents", "itsm-admins", "dba"), "admin");
        assertThat(first.added()).isEqualTo(2);
        assertThat(first.errors()).singleElement().asString().contains("not a valid username");
        Person annNow = people.find("d.ann").orElseThrow();
        assertThat(annNow.getRoles()).containsExactlyInAnyOrder(Role.REQUESTER, Role.AGENT);
        assertThat(annNow.getManager()).as("manager set in the second pass, after the boss exists").isEqualTo("d.boss");
        assertThat(annNow.getGroups()).containsExactlyInAnyOrder("itsm-agents", "dba");
        assertThat(people.find("d.boss").orElseThrow().getRoles()).contains(Role.ADMIN);

        DirectoryAccount annMoved = new DirectoryAccount("d.ann", "Ann Smith", "ann@example.com", "+1 555 0100", "d.boss", Set.of("dba"), false);
        DirectorySyncReport second = sync.syncAll(List.of(annMoved), List.of("dba"), "schedule");
        assertThat(second.updated()).isEqualTo(1);
        assertThat(second.deactivated()).as("d.boss left the directory").isEqualTo(1);
        assertThat(people.find("d.boss").orElseThrow().isActive()).isFalse();
        assertThat(people.find("d.ann").orElseThrow().getRoles()).containsExactly(Role.REQUESTER);
        assertThat(people.find("alice").orElseThrow().isActive()).as("local users are not the directory's").isTrue();

        getAs("rob", "/api/v1/directory/syncs").andExpect(status().isForbidden());
        people.save(new PersonForm("adm", "Adm", null, null, null, PASSWORD, Set.of(Role.ADMIN), Set.of()));
        getAs("adm", "/api/v1/directory/syncs").andExpect(jsonPath("$[0].deactivated").value(1));
        postAs("adm", "/api/v1/directory/sync", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("no directory is configured (hub.ldap.url)"));
    }
}
