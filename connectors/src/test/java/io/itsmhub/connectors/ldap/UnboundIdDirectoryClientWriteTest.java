package io.itsmhub.connectors.ldap;

import static io.itsmhub.connectors.ldap.DirectoryServer.groupDn;
import static io.itsmhub.connectors.ldap.DirectoryServer.samplePassword;
import static io.itsmhub.connectors.ldap.DirectoryServer.userDn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsmhub.connectors.ConnectorException;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What access requests and offboarding change in the directory, seen the way the hub and the user see it. */
class UnboundIdDirectoryClientWriteTest {

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
    void addToGroupGrantsTheGroupAndTwiceIsLikeOnce() {
        client.addToGroup("bob", "payments-db-readers");
        client.addToGroup("bob", "payments-db-readers");

        assertThat(client.user("bob").orElseThrow().groups()).containsExactly("itsm-agents", "payments-db-readers");
        assertThat(client.authenticate("bob", samplePassword("bob")).orElseThrow().groups())
                .contains("payments-db-readers");
        assertThat(directory.entry(groupDn("payments-db-readers")).getAttributeValues("member"))
                .containsExactlyInAnyOrder(userDn("alice"), userDn("rita"), userDn("bob"));
    }

    @Test
    void removeFromGroupRevokesTheGroupAndTwiceIsLikeOnce() {
        client.removeFromGroup("alice", "payments-db-readers");
        client.removeFromGroup("alice", "payments-db-readers");
        client.removeFromGroup("bob", "payments-db-readers");

        assertThat(client.user("alice").orElseThrow().groups()).containsExactly("itsm-agents");
        assertThat(client.groups()).filteredOn(group -> group.name().equals("payments-db-readers")).singleElement()
                .extracting(DirectoryGroup::members).asInstanceOf(InstanceOfAssertFactories.COLLECTION)
                .containsExactly("rita");
    }

    @Test
    void groupNamesAreMatchedAsTheDirectoryMatchesThem() {
        client.addToGroup("carol", "ITSM-Agents");

        assertThat(client.user("carol").orElseThrow().groups()).contains("itsm-agents");
    }

    @Test
    void anUnknownGroupIsAPermanentFailureNamingIt() {
        assertThatThrownBy(() -> client.addToGroup("alice", "payments-db-writers"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.system()).isEqualTo("ldap");
                })
                .hasMessageContaining("no group 'payments-db-writers' in ou=groups,dc=example,dc=com");
        assertThatThrownBy(() -> client.removeFromGroup("alice", "payments-db-writers"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("payments-db-writers");
    }

    @Test
    void anUnknownUserIsAPermanentFailureNamingIt() {
        assertThatThrownBy(() -> client.addToGroup("mallory", "itsm-admins"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("no user 'mallory' in ou=people,dc=example,dc=com");
        assertThatThrownBy(() -> client.removeFromGroup("mallory", "itsm-admins"))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("'mallory'");
        assertThatThrownBy(() -> client.setPassword("mallory", "N3w-Secret!"))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("no user 'mallory'")
                .hasMessageNotContaining("N3w-Secret!");
        assertThatThrownBy(() -> client.disable("mallory"))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("no user 'mallory'");
        assertThat(directory.entry(groupDn("itsm-admins")).getAttributeValues("member"))
                .containsExactly(userDn("mike"));
    }

    @Test
    void aWildcardIsNoWayToReachEveryone() {
        assertThatThrownBy(() -> client.addToGroup("*", "itsm-admins"))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("no user '*'");
        assertThatThrownBy(() -> client.addToGroup("alice", "*"))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("no group '*'");
        assertThat(directory.entry(groupDn("itsm-admins")).getAttributeValues("member"))
                .containsExactly(userDn("mike"));
    }

    @Test
    void setPasswordLetsTheUserInWithTheNewPasswordOnly() {
        client.setPassword("bob", "N3w-Secret!-2024");

        assertThat(client.authenticate("bob", "N3w-Secret!-2024")).isPresent();
        assertThat(client.authenticate("bob", samplePassword("bob"))).isEmpty();
        assertThat(client.authenticate("alice", samplePassword("alice"))).as("only bob's password changed").isPresent();
    }

    @Test
    void anEmptyNewPasswordIsRefusedBeforeTheDirectory() {
        assertThatIllegalArgumentException().isThrownBy(() -> client.setPassword("bob", ""));

        assertThat(client.authenticate("bob", samplePassword("bob"))).isPresent();
    }

    @Test
    void disableLocksTheUserOut() {
        client.disable("alice");

        assertThat(client.authenticate("alice", samplePassword("alice"))).isEmpty();
        assertThat(client.user("alice").orElseThrow().disabled()).isTrue();
        assertThat(client.users()).filteredOn(DirectoryUser::disabled).extracting(DirectoryUser::username)
                .containsExactly("alice");
        assertThat(directory.entry(userDn("alice")).getAttributeValue("pwdAccountLockedTime"))
                .isEqualTo("000001010000Z");
        client.disable("alice"); // again: still disabled, no error
        assertThat(client.user("alice").orElseThrow().disabled()).isTrue();
    }

    @Test
    void anActiveDirectoryStyleDisableValueIsWrittenAndRecognised() {
        // userAccountControl is not in this directory's schema; description stands in for any attribute.
        LdapSettings adStyle = new LdapSettings(directory.url(), DirectoryServer.SERVICE_DN,
                DirectoryServer.SERVICE_PASSWORD, DirectoryServer.PEOPLE_DN, null, DirectoryServer.GROUPS_DN, null,
                null, null, null, null, null, null, null, null, "description", "514", null, 0, false);
        try (UnboundIdDirectoryClient ad = new UnboundIdDirectoryClient(adStyle)) {
            ad.disable("rita");

            assertThat(ad.user("rita").orElseThrow().disabled()).isTrue();
            assertThat(ad.authenticate("rita", samplePassword("rita"))).isEmpty();
            assertThat(client.user("rita").orElseThrow().disabled()).as("not the ppolicy attribute").isFalse();
        }
    }
}
