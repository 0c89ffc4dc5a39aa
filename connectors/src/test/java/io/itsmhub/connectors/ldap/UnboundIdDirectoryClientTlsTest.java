package io.itsmhub.connectors.ldap;

import static io.itsmhub.connectors.ldap.DirectoryServer.samplePassword;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.itsmhub.connectors.ConnectorException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** StartTLS and LDAPS: passwords only cross an encrypted connection, and only to a directory the JVM trusts. */
class UnboundIdDirectoryClientTlsTest {

    private DirectoryServer directory;

    @BeforeEach
    void start() {
        directory = DirectoryServer.startWithTls();
    }

    @AfterEach
    void stop() {
        directory.close();
    }

    @Test
    void startTlsLogsInAndReads() {
        try (UnboundIdDirectoryClient client =
                new UnboundIdDirectoryClient(directory.settings().withStartTls(true), directory.clientTls())) {
            assertThat(client.authenticate("alice", samplePassword("alice"))).map(DirectoryUser::manager)
                    .contains("mike");
            assertThat(client.users()).hasSize(5);
        }
        assertThat(directory.startTlsUpgrades()).as("the service connection and alice's login connection")
                .isEqualTo(2);
        assertThat(directory.binds()).containsExactly(DirectoryServer.SERVICE_DN, DirectoryServer.userDn("alice"));
    }

    @Test
    void ldapsLogsInAndReads() {
        LdapSettings ldaps = directory.settings().withUrl(directory.ldapsUrl());
        try (UnboundIdDirectoryClient client = new UnboundIdDirectoryClient(ldaps, directory.clientTls())) {
            assertThat(client.authenticate("bob", samplePassword("bob"))).isPresent();
            assertThat(client.authenticate("bob", "wrong")).isEmpty();
            assertThat(client.groups()).hasSize(5);
        }
    }

    @Test
    void anUntrustedCertificateIsAPermanentFailure() {
        // The JVM's default trust store does not know the test certificate, as with a private CA nobody imported.
        for (LdapSettings settings : new LdapSettings[] {directory.settings().withStartTls(true),
                directory.settings().withUrl(directory.ldapsUrl())}) {
            try (UnboundIdDirectoryClient client =
                    new UnboundIdDirectoryClient(settings.withTimeout(Duration.ofSeconds(2)))) {
                ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                        () -> client.authenticate("alice", samplePassword("alice")));

                assertThat(failure.retryable()).as(failure.getMessage()).isFalse();
                assertThat(failure.getMessage()).contains("trust store");
            }
        }
        assertThat(directory.binds()).as("no password was sent").doesNotContain(DirectoryServer.userDn("alice"));
    }

    @Test
    void aCertificateThatDoesNotNameTheHostDialledIsAPermanentFailure() {
        // A trusted certificate, but for another host: a man in the middle with a certificate of his own looks so.
        try (DirectoryServer elsewhere = DirectoryServer.startWithTls("directory.example")) {
            for (LdapSettings settings : new LdapSettings[] {elsewhere.settings().withStartTls(true),
                    elsewhere.settings().withUrl(elsewhere.ldapsUrl())}) {
                try (UnboundIdDirectoryClient client = new UnboundIdDirectoryClient(settings, elsewhere.clientTls())) {
                    ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                            () -> client.authenticate("bob", samplePassword("bob")));

                    assertThat(failure.retryable()).as(failure.getMessage()).isFalse();
                    assertThat(failure.getMessage()).contains("localhost").contains("trust store");
                }
            }
            assertThat(elsewhere.binds()).as("no password was sent").isEmpty();
        }
    }
}
