package io.itsmhub.connectors.ldap;

import static io.itsmhub.connectors.ldap.DirectoryServer.samplePassword;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.ResultCode;
import io.itsmhub.connectors.ConnectorException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A directory that is down, slow, restarted, or refuses the service account: what a retry can and cannot fix. */
class UnboundIdDirectoryClientFailureTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private DirectoryServer directory;

    @BeforeEach
    void start() {
        directory = DirectoryServer.start();
    }

    @AfterEach
    void stop() {
        directory.close();
    }

    @Test
    void aDirectoryThatIsDownIsWorthARetry() {
        try (UnboundIdDirectoryClient client = new UnboundIdDirectoryClient(settings())) {
            client.users(); // the pool holds a connection the directory is about to drop
            directory.stop();

            assertRetryable(catchThrowableOfType(ConnectorException.class, client::users), "reading the users");
            assertRetryable(catchThrowableOfType(ConnectorException.class,
                    () -> client.authenticate("alice", samplePassword("alice"))), "authenticating user 'alice'");
            assertRetryable(catchThrowableOfType(ConnectorException.class, () -> client.user("alice")), "alice");
            assertRetryable(catchThrowableOfType(ConnectorException.class,
                    () -> client.addToGroup("alice", "itsm-admins")), "itsm-admins");
        }
    }

    @Test
    void aPortNobodyListensOnIsWorthARetry() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("ldap://localhost:" + socket.getLocalPort());
        }
        try (UnboundIdDirectoryClient client =
                new UnboundIdDirectoryClient(settings().withUrl(closed))) {
            ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                    () -> client.authenticate("alice", samplePassword("alice")));

            assertRetryable(failure, closed.getHost() + ":" + closed.getPort());
            assertThat(failure.getMessage()).contains("connect error");
        }
    }

    @Test
    void aDirectoryThatDoesNotAnswerTimesOutAndIsWorthARetry() throws IOException {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // and never say a word
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI url = URI.create("ldap://localhost:" + silent.getLocalPort());
            try (UnboundIdDirectoryClient client =
                    new UnboundIdDirectoryClient(settings().withUrl(url))) {
                long started = System.nanoTime();

                ConnectorException failure = catchThrowableOfType(ConnectorException.class, client::users);

                assertRetryable(failure, "reading the users");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(6));
                assertRetryable(catchThrowableOfType(ConnectorException.class,
                        () -> client.authenticate("alice", samplePassword("alice"))), "alice");
            }
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void aRestartedDirectoryIsUsedAgainWithoutAnError() {
        try (UnboundIdDirectoryClient client = new UnboundIdDirectoryClient(settings())) {
            assertThat(client.users()).hasSize(5);
            assertThat(client.user("alice")).isPresent();

            directory.stop();
            directory.restart();

            assertThat(client.user("alice")).as("a single search on a pooled connection").isPresent();
            assertThat(client.users()).as("a paged search").hasSize(5);
            client.addToGroup("alice", "itsm-admins");
            assertThat(client.authenticate("alice", samplePassword("alice"))).map(DirectoryUser::groups).get()
                    .asInstanceOf(InstanceOfAssertFactories.COLLECTION).contains("itsm-admins");
        }
    }

    @Test
    void aDirectoryBackAfterAnOutageIsUsedAgain() {
        try (UnboundIdDirectoryClient client = new UnboundIdDirectoryClient(settings())) {
            client.users();
            directory.stop();
            catchThrowableOfType(ConnectorException.class, client::users);
            catchThrowableOfType(ConnectorException.class, () -> client.user("bob"));

            directory.restart();

            assertThat(client.users()).hasSize(5);
            assertThat(client.user("bob")).isPresent();
        }
    }

    @Test
    void aWrongServiceAccountPasswordIsPermanentAndNotRepeated() {
        String wrong = "not-the-hub-Secret";
        try (UnboundIdDirectoryClient client = new UnboundIdDirectoryClient(
                directory.settings().withBind(DirectoryServer.SERVICE_DN, wrong))) {
            for (ConnectorException failure : List.of(
                    catchThrowableOfType(ConnectorException.class, client::users),
                    catchThrowableOfType(ConnectorException.class,
                            () -> client.authenticate("alice", samplePassword("alice"))),
                    catchThrowableOfType(ConnectorException.class, () -> client.disable("alice")))) {
                assertThat(failure.retryable()).isFalse();
                assertThat(failure.getMessage()).contains("invalid credentials").contains("hub.ldap.bind-password");
                assertThat(stackTrace(failure)).doesNotContain(wrong).doesNotContain(samplePassword("alice"));
            }
        }
        assertThat(directory.entry(DirectoryServer.userDn("alice")).getAttribute("pwdAccountLockedTime")).isNull();
    }

    @Test
    void anUnknownServiceAccountIsPermanent() {
        try (UnboundIdDirectoryClient client = new UnboundIdDirectoryClient(
                directory.settings().withBind("cn=nobody,ou=system,dc=example,dc=com", "x"))) {
            ConnectorException failure = catchThrowableOfType(ConnectorException.class, client::groups);

            assertThat(failure.retryable()).isFalse();
            assertThat(failure.getMessage()).contains("reading the groups");
        }
    }

    @Test
    void anonymousServiceAccessIsRefusedByADirectoryThatWantsABind() {
        try (UnboundIdDirectoryClient client = new UnboundIdDirectoryClient(settings().withBind(null, null))) {
            ConnectorException failure = catchThrowableOfType(ConnectorException.class, client::users);

            assertThat(failure.retryable()).isFalse();
            assertThat(failure.getMessage()).contains("insufficient access rights");
        }
    }

    @Test
    void aPasswordThePolicyRefusesIsPermanentAndNamesTheUserNotThePassword() {
        directory.refuseNext(OperationType.MODIFY, ResultCode.CONSTRAINT_VIOLATION,
                "Password fails quality checking policy");
        try (UnboundIdDirectoryClient client = new UnboundIdDirectoryClient(settings())) {
            ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                    () -> client.setPassword("bob", "abc"));

            assertThat(failure.retryable()).isFalse();
            assertThat(failure.getMessage()).contains("setting the password of user 'bob'")
                    .contains("constraint violation").contains("quality checking policy");
            assertThat(stackTrace(failure)).doesNotContain("'abc'").doesNotContain("=abc");
            assertThat(client.authenticate("bob", samplePassword("bob"))).as("the old password still works")
                    .isPresent();
        }
    }

    @Test
    void aServiceAccountWithoutWriteRightsIsPermanentAndNamesTheChange() {
        directory.refuseNext(OperationType.MODIFY, ResultCode.INSUFFICIENT_ACCESS_RIGHTS,
                "no write access to parent");
        try (UnboundIdDirectoryClient client = new UnboundIdDirectoryClient(settings())) {
            ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                    () -> client.addToGroup("bob", "itsm-admins"));

            assertThat(failure.retryable()).isFalse();
            assertThat(failure.getMessage()).contains("adding user 'bob' to group 'itsm-admins'")
                    .contains("insufficient access rights");
        }
    }

    @Test
    void aBusyDirectoryIsWorthARetry() {
        directory.refuseNext(OperationType.SEARCH, ResultCode.BUSY, "too many operations in progress");
        directory.refuseNext(OperationType.MODIFY, ResultCode.UNAVAILABLE, "replica is read-only during resync");
        try (UnboundIdDirectoryClient client = new UnboundIdDirectoryClient(settings())) {
            assertRetryable(catchThrowableOfType(ConnectorException.class, client::users), "reading the users");
            assertRetryable(catchThrowableOfType(ConnectorException.class, () -> client.disable("rita")),
                    "disabling user 'rita'");

            client.disable("rita"); // the retry
            assertThat(client.user("rita").orElseThrow().disabled()).isTrue();
        }
    }

    @Test
    void aLoginTheDirectoryCannotCheckIsNotAWrongPassword() {
        try (UnboundIdDirectoryClient client = new UnboundIdDirectoryClient(settings())) {
            client.users(); // the service account is bound: the next bind is alice's
            directory.refuseNext(OperationType.BIND, ResultCode.UNAVAILABLE, "authentication backend offline");

            assertRetryable(catchThrowableOfType(ConnectorException.class,
                    () -> client.authenticate("alice", samplePassword("alice"))), "authenticating user 'alice'");
            assertThat(client.authenticate("alice", samplePassword("alice"))).isPresent();
        }
    }

    @Test
    void anActiveDirectoryRefusalOfALockedAccountIsARefusedLogin() {
        try (UnboundIdDirectoryClient client = new UnboundIdDirectoryClient(settings())) {
            client.users();
            directory.refuseNext(OperationType.BIND, ResultCode.INVALID_CREDENTIALS,
                    "80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 775, v4563");

            assertThat(client.authenticate("alice", samplePassword("alice"))).isEmpty();
        }
    }

    private LdapSettings settings() {
        return directory.settings().withTimeout(TIMEOUT);
    }

    private static void assertRetryable(ConnectorException failure, String mentioned) {
        assertThat(failure).as("a ConnectorException").isNotNull();
        assertThat(failure.retryable()).as("retryable: " + failure.getMessage()).isTrue();
        assertThat(failure.system()).isEqualTo("ldap");
        assertThat(failure.getMessage()).contains(mentioned);
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
