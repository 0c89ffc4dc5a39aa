package io.itsmhub.connectors.mail;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Jakarta Mail's protocol trace out of the logs. Angus writes every line it sends and receives, message
 * bodies included, to the JDK loggers {@code org.eclipse.angus.mail.smtp.protocol} and {@code ….imap.protocol} at
 * FINEST, whatever the session's debug flag; with Spring Boot bridging JDK logging,
 * {@code logging.level.org.eclipse.angus=TRACE} would print the one-time passwords the hub mails out or
 * receives. (Angus already leaves the AUTH and LOGIN exchanges out of that trace.) This pins those two loggers
 * at INFO, JVM-wide; what it loses is a wire dump. Setting them explicitly still overrides it, deliberately.
 */
final class MailLogging {

    /** Strong references: the JDK keeps loggers only weakly, and a collected one would lose its level. */
    private static final List<Logger> PROTOCOL_TRACES = List.of(
            Logger.getLogger("org.eclipse.angus.mail.smtp.protocol"),
            Logger.getLogger("org.eclipse.angus.mail.imap.protocol"));

    private MailLogging() {
    }

    static void quietProtocolTrace() {
        for (Logger trace : PROTOCOL_TRACES) {
            Level level = trace.getLevel();
            if (level == null || level.intValue() < Level.INFO.intValue()) {
                trace.setLevel(Level.INFO);
            }
        }
    }
}
