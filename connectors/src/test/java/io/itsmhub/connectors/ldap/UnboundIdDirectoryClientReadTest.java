package io.itsmhub.connectors.ldap;

import static io.itsmhub.connectors.ldap.DirectoryServer.groupDn;
import static io.itsmhub.connectors.ldap.DirectoryServer.userDn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import io.itsmhub.connectors.ConnectorException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading people and groups for the hub's sync: who is there, their manager, their groups. */
class UnboundIdDirectoryClientReadTest {

    private DirectoryServer directory;
    private UnboundIdDirectoryClient client;

    @BeforeEach
    void start() {
        directory = DirectoryServer.start();
        client = new UnboundIdDirectoryClient(directory.settings());
    }

    @AfterEach
    void stop() {
        client.close();
        directory.close();
    }

    @Test
    void usersListsEverySampleUserWithManagerAndGroups() {
        List<DirectoryUser> users = client.users();

        assertThat(users).extracting(DirectoryUser::username, DirectoryUser::manager, DirectoryUser::groups)
                .containsExactly(
                        tuple("alice", "mike", Set.of("itsm-agents", "payments-db-readers")),
                        tuple("bob", "mike", Set.of("itsm-agents")),
                        tuple("carol", "mike", Set.of("itsm-change-managers")),
                        tuple("mike", null, Set.of("itsm-admins", "itsm-change-managers",
                                "itsm-release-managers")),
                        tuple("rita", "carol", Set.of("itsm-release-managers", "payments-db-readers")));
        assertThat(users).filteredOn(user -> user.username().equals("rita")).singleElement()
                .satisfies(rita -> {
                    assertThat(rita.displayName()).isEqualTo("Rita Release");
                    assertThat(rita.mail()).isEqualTo("rita@example.com");
                    assertThat(rita.mobile()).isEqualTo("+41 79 555 01 05");
                    assertThat(rita.dn()).isEqualTo(userDn("rita"));
                    assertThat(rita.disabled()).isFalse();
                });
    }

    @Test
    void aDeletedUserIsGoneFromUsersAndFromTheirGroups() {
        directory.delete("rita");

        assertThat(client.users()).extracting(DirectoryUser::username).containsExactly("alice", "bob", "carol", "mike");
        assertThat(client.user("rita")).isEmpty();
        assertThat(members(client.groups())).containsEntry("payments-db-readers", List.of("alice"))
                .containsEntry("itsm-release-managers", List.of("mike"));
    }

    @Test
    void entriesOutsideTheUserFilterAreNoUsersEvenWithAUidAndAPassword() throws Exception {
        directory.inMemoryServer().add("dn: uid=printer3," + DirectoryServer.PEOPLE_DN, "objectClass: account",
                "objectClass: simpleSecurityObject", "uid: printer3", "userPassword: printer-Secret-1");

        assertThat(client.users()).extracting(DirectoryUser::username).doesNotContain("printer3", "hub");
        assertThat(client.user("printer3")).isEmpty();
        assertThat(client.authenticate("printer3", "printer-Secret-1")).isEmpty();
    }

    @Test
    void userReadsOneUserWithoutAPassword() {
        DirectoryUser alice = client.user("alice").orElseThrow();

        assertThat(alice.displayName()).isEqualTo("Alice Agent");
        assertThat(alice.manager()).isEqualTo("mike");
        assertThat(alice.groups()).containsExactly("itsm-agents", "payments-db-readers");
        assertThat(client.user("mallory")).isEmpty();
        assertThat(client.user("*")).isEmpty();
    }

    @Test
    void aManagerWhoLeftIsNoManager() {
        directory.delete("carol");

        assertThat(client.user("rita")).map(DirectoryUser::manager).isEmpty();
        assertThat(client.users()).filteredOn(user -> user.username().equals("rita"))
                .extracting(DirectoryUser::manager).containsOnlyNulls();
    }

    @Test
    void aDanglingManagerDnIsNoManager() {
        directory.addUser("tom", "Tom Temp", "tom@example.com", null, "tom-Secret-1", "ghost");

        assertThat(client.user("tom")).map(DirectoryUser::manager).isEmpty();
        assertThat(client.authenticate("tom", "tom-Secret-1")).map(DirectoryUser::manager).isEmpty();
    }

    @Test
    void groupsListsMemberUsernames() {
        List<DirectoryGroup> groups = client.groups();

        assertThat(members(groups)).isEqualTo(Map.of(
                "itsm-admins", List.of("mike"),
                "itsm-agents", List.of("alice", "bob"),
                "itsm-change-managers", List.of("carol", "mike"),
                "itsm-release-managers", List.of("mike", "rita"),
                "payments-db-readers", List.of("alice", "rita")));
        assertThat(groups).extracting(DirectoryGroup::dn).contains(groupDn("itsm-agents"));
    }

    @Test
    void membersThatAreNoUsersAreLeftOut() {
        directory.modify(groupDn("itsm-agents"), new Modification(ModificationType.ADD, "member",
                userDn("ghost"), groupDn("itsm-admins"), DirectoryServer.SERVICE_DN));

        assertThat(members(client.groups())).containsEntry("itsm-agents", List.of("alice", "bob"));
    }

    @Test
    void aDirectoryThatKeepsMemberOfIsBelievedForGroups() {
        // Plays OpenLDAP with the memberof overlay: carol's memberOf says more than the groups' member values,
        // and names a group outside the group base, which is not one of the hub's groups.
        directory.modify(userDn("carol"), new Modification(ModificationType.REPLACE, "memberOf",
                groupDn("itsm-change-managers"), groupDn("itsm-admins"), "cn=vpn-users,ou=legacy,dc=example,dc=com"));

        assertThat(client.user("carol").orElseThrow().groups())
                .containsExactly("itsm-admins", "itsm-change-managers");
        assertThat(client.users()).filteredOn(user -> user.username().equals("carol")).singleElement()
                .extracting(DirectoryUser::groups).asInstanceOf(InstanceOfAssertFactories.COLLECTION)
                .containsExactly("itsm-admins", "itsm-change-managers");
        assertThat(client.users()).filteredOn(user -> user.username().equals("bob")).singleElement()
                .extracting(DirectoryUser::groups).asInstanceOf(InstanceOfAssertFactories.COLLECTION)
                .as("users without memberOf still get their groups from the member values")
                .containsExactly("itsm-agents");
    }

    @Test
    void memberOfCanBeSwitchedOff() {
        directory.modify(userDn("carol"),
                new Modification(ModificationType.REPLACE, "memberOf", groupDn("itsm-admins")));

        try (UnboundIdDirectoryClient withoutMemberOf =
                new UnboundIdDirectoryClient(directory.settings().withMemberOfAttribute(""))) {
            assertThat(withoutMemberOf.user("carol").orElseThrow().groups()).containsExactly("itsm-change-managers");
        }
    }

    @Test
    void pagingReadsMoreUsersThanTheDirectoryReturnsAtOnce() throws Exception {
        int extra = 1200;
        for (int i = 0; i < extra; i++) {
            directory.addUser(String.format("user%04d", i), "User " + i, "user" + i + "@example.com", null, null,
                    i % 2 == 0 ? "mike" : null);
        }
        directory.addMember("itsm-agents", "user0042");
        try (LDAPConnection plain = new LDAPConnection("localhost", directory.url().getPort(),
                DirectoryServer.SERVICE_DN, DirectoryServer.SERVICE_PASSWORD)) {
            assertThatThrownBy(() -> plain.search(DirectoryServer.PEOPLE_DN, SearchScope.SUB, "(uid=*)", "uid"))
                    .as("an unpaged search stops at the directory's size limit")
                    .isInstanceOfSatisfying(LDAPSearchException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.SIZE_LIMIT_EXCEEDED));
        }

        List<DirectoryUser> users = client.users();

        assertThat(users).hasSize(extra + DirectoryServer.SAMPLE_USERS.size());
        Map<String, DirectoryUser> byName = users.stream()
                .collect(Collectors.toMap(DirectoryUser::username, Function.identity()));
        assertThat(byName.get("user0042").groups()).containsExactly("itsm-agents");
        assertThat(byName.get("user0042").manager()).isEqualTo("mike");
        assertThat(byName.get("user1199").manager()).isNull();
        assertThat(byName.get("alice").groups()).containsExactly("itsm-agents", "payments-db-readers");
        assertThat(members(client.groups()).get("itsm-agents")).containsExactly("alice", "bob", "user0042");
    }

    @Test
    void anAmbiguousUsernameIsAPermanentFailureForUser() throws Exception {
        directory.inMemoryServer().add("dn: uid=alice," + DirectoryServer.GROUPS_DN, "objectClass: inetOrgPerson",
                "uid: alice", "cn: Alice Again", "sn: Again");
        LdapSettings wholeTree = LdapSettings.of(directory.url(), DirectoryServer.SERVICE_DN,
                DirectoryServer.SERVICE_PASSWORD, DirectoryServer.BASE_DN, DirectoryServer.GROUPS_DN);

        try (UnboundIdDirectoryClient everywhere = new UnboundIdDirectoryClient(wholeTree)) {
            assertThatThrownBy(() -> everywhere.user("alice"))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isFalse())
                    .hasMessageContaining("'alice'").hasMessageContaining("several entries");
        }
    }

    private static Map<String, List<String>> members(List<DirectoryGroup> groups) {
        return groups.stream().collect(Collectors.toMap(DirectoryGroup::name, group -> List.copyOf(group.members())));
    }
}
