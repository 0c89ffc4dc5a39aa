package io.itsmhub.connectors.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.itsmhub.connectors.ConnectorException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Replies GreenMail never gives, from a scripted server, and servers that are not there or never answer. */
class SmtpMailSenderFailureTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final OutgoingMail MAIL = new OutgoingMail(List.of("alice@example.com", "bob@example.com"),
            "[INC-000123] Database down", "text", null, null, null);

    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of("GREETING", "421 4.3.2 Service not available, try later", true, "421"),
                Arguments.of("MAIL FROM", "451 4.3.0 Temporary local problem", true, "451"),
                Arguments.of("MAIL FROM", "530 5.7.0 Authentication required", false, "530"),
                Arguments.of("RCPT TO:<bob", "550 5.1.1 <bob@example.com>: Recipient address rejected: mailbox"
                        + " unavailable", false, "bob@example.com"),
                Arguments.of("RCPT TO:<bob", "450 4.2.1 <bob@example.com>: mailbox busy", true, "450"),
                Arguments.of("RCPT TO:<bob", "452 4.5.3 too many recipients", true, "452"),
                Arguments.of("RCPT TO:<bob", "552 5.2.2 mailbox full", true, "552"),
                Arguments.of("DATA-END", "554 5.7.1 Message rejected as spam", false, "554"),
                Arguments.of("DATA-END", "451 4.7.1 Greylisted, try again in 5 minutes", true, "Greylisted"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("replies")
    void theReplyCodeDecidesWhetherARetryCanHelp(String command, String reply, boolean retryable, String named)
            throws IOException {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(line -> line.startsWith(command) ? reply : null)) {
            SmtpMailSender sender = new SmtpMailSender(settings(server.port()));

            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> sender.send(MAIL));

            assertThat(e).as("failure").isNotNull();
            assertThat(e.retryable()).as(e.getMessage()).isEqualTo(retryable);
            assertThat(e.system()).isEqualTo("mail");
            assertThat(e.getMessage()).contains(named).contains("127.0.0.1:" + server.port());
        }
    }

    @Test
    void aClosedPortIsRetryable() throws IOException {
        SmtpMailSender sender = new SmtpMailSender(settings(closedPort()));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> sender.send(MAIL));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("127.0.0.1");
    }

    @Test
    void aServerThatNeverGreetsTimesOutRetryably() throws IOException {
        // Connections queue in the backlog and are never accepted: TCP connects, SMTP never starts.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            SmtpMailSender sender = new SmtpMailSender(settings(silent.getLocalPort()));

            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> sender.send(MAIL));

            assertThat(e.retryable()).isTrue();
        }
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static MailSettings settings(int port) {
        return new MailSettings(new MailSettings.Smtp("127.0.0.1", port, null, null, false, false), null,
                SmtpMailSenderTest.FROM, null, TIMEOUT);
    }
}
