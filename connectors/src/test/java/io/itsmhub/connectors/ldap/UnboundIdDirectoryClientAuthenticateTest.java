package io.itsmhub.connectors.ldap;

import static io.itsmhub.connectors.ldap.DirectoryServer.samplePassword;
import static io.itsmhub.connectors.ldap.DirectoryServer.userDn;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Logins against the sample directory: who gets in, who does not, and that odd input is only ever a wrong name. */
class UnboundIdDirectoryClientAuthenticateTest {

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
    void theRightPasswordLogsInWithProfileManagerAndGroups() {
        DirectoryUser bob = client.authenticate("bob", samplePassword("bob")).orElseThrow();

        assertThat(bob.username()).isEqualTo("bob");
        assertThat(bob.dn()).isEqualTo(userDn("bob"));
        assertThat(bob.displayName()).isEqualTo("Bob Builder");
        assertThat(bob.mail()).isEqualTo("bob@example.com");
        assertThat(bob.mobile()).isEqualTo("+41 79 555 01 02");
        assertThat(bob.manager()).isEqualTo("mike");
        assertThat(bob.groups()).containsExactly("itsm-agents");
        assertThat(bob.disabled()).isFalse();
        assertThat(directory.binds()).as("the password was checked by the directory, as bob").contains(userDn("bob"));
    }

    @Test
    void theUsernameIsMatchedAsTheDirectoryMatchesItAndReturnedAsStored() {
        assertThat(client.authenticate("ALICE", samplePassword("alice"))).map(DirectoryUser::username)
                .contains("alice");
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(client.authenticate("alice", "alice-Secret-2")).isEmpty();
        assertThat(client.authenticate("alice", samplePassword("bob"))).isEmpty();
    }

    @Test
    void anUnknownUserIsRefused() {
        assertThat(client.authenticate("mallory", "whatever")).isEmpty();
    }

    @Test
    void anEmptyPasswordIsRefusedBeforeTheDirectorySeesIt() {
        Optional<DirectoryUser> login = client.authenticate("alice", "");

        assertThat(login).isEmpty();
        assertThat(client.authenticate("alice", null)).isEmpty();
        assertThat(directory.binds()).as("an empty password would have been an anonymous bind that succeeds")
                .doesNotContain(userDn("alice"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"*", "*)(uid=*", "alice)(|(uid=*", "admin*", "a*", "\\", "alice\u0000", "\u0000",
            "*)(objectClass=*))(|(uid=*", "alice)(userPassword=*"})
    void filterInjectionIsOnlyEverAnUnknownUsername(String username) {
        assertThat(client.authenticate(username, samplePassword("alice"))).isEmpty();
        assertThat(client.authenticate(username, "anything")).isEmpty();
        assertThat(directory.binds()).as("no entry matched, so nobody's password was tried")
                .containsOnly(DirectoryServer.SERVICE_DN);
        assertThat(directory.searchFilters()).as("the name reached the directory as one escaped value")
                .anyMatch(filter -> filter.startsWith("(&(objectClass=inetOrgPerson)(uid=")
                        && !filter.contains("uid=*"));
    }

    @Test
    void aDisabledAccountIsRefusedEvenWithTheRightPassword() {
        directory.modify(userDn("carol"),
                new Modification(ModificationType.REPLACE, "pwdAccountLockedTime", "000001010000Z"));

        assertThat(client.authenticate("carol", samplePassword("carol"))).isEmpty();
        assertThat(directory.binds()).as("a disabled account does not even learn whether its password is right")
                .doesNotContain(userDn("carol"));
    }

    @Test
    void anAmbiguousUsernameIsRefusedWhicheverPasswordIsGiven() throws Exception {
        directory.inMemoryServer().add("dn: ou=contractors," + DirectoryServer.PEOPLE_DN,
                "objectClass: organizationalUnit", "ou: contractors");
        directory.inMemoryServer().add("dn: uid=rita,ou=contractors," + DirectoryServer.PEOPLE_DN,
                "objectClass: inetOrgPerson", "uid: rita", "cn: Rita Twin", "sn: Twin", "userPassword: twin-Secret-1");

        assertThat(client.authenticate("rita", samplePassword("rita"))).isEmpty();
        assertThat(client.authenticate("rita", "twin-Secret-1")).isEmpty();
    }

    @Test
    void aUserWithoutManagerOrGroupsStillLogsIn() {
        directory.addUser("nina", "Nina New", null, null, "nina-Secret-1", null);

        DirectoryUser nina = client.authenticate("nina", "nina-Secret-1").orElseThrow();

        assertThat(nina.manager()).isNull();
        assertThat(nina.groups()).isEmpty();
        assertThat(nina.mail()).isNull();
    }

    @Test
    void concurrentLoginsEachGetTheirOwnAnswer() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String username = DirectoryServer.SAMPLE_USERS.get(i % DirectoryServer.SAMPLE_USERS.size());
                boolean right = i % 3 != 0;
                String password = right ? samplePassword(username) : "wrong-" + i;
                answers.add(threads.submit(() -> client.authenticate(username, password)
                        .map(user -> user.username().equals(username)).orElse(false) == right));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
