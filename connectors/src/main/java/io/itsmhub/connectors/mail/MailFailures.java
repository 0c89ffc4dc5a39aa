package io.itsmhub.connectors.mail;

import io.itsmhub.connectors.ConnectorException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.StoreClosedException;
import java.io.IOException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Turns Jakarta Mail's exceptions into {@link ConnectorException}s of system {@code "mail"}. Jakarta Mail reports
 * SMTP reply codes only on some exceptions and in the text of others (a bad greeting, a refused login), and hides
 * I/O failures as causes or "next exceptions"; this reads all three.
 */
final class MailFailures {

    static final String SYSTEM = "mail";
    private static final int MAX_DEPTH = 10;
    private static final int MAX_TEXT = 300;
    /** A reply code at the start of the text (a refused AUTH) or after Angus' "response:" (a bad greeting). */
    private static final Pattern REPLY_CODE = Pattern.compile("(?:^|response: ?)([45]\\d\\d)\\b");
    /** RFC 5530 response code of a login refused for a passing reason (e.g. the user directory is down). */
    private static final String IMAP_UNAVAILABLE = "[UNAVAILABLE]";

    private MailFailures() {
    }

    /** A failure of SMTP {@code doing} at {@code target} (host:port) as user {@code username} (or null). */
    static ConnectorException smtp(MessagingException e, String doing, String target, String username,
            String password) {
        String where = doing + " via SMTP server " + target;
        if (e instanceof AuthenticationFailedException) {
            int code = replyCode(e);
            // 454 "temporary authentication failure": the server's user directory is away, not the password wrong.
            return code >= 400 && code < 500
                    ? failure(true, "SMTP server " + target + " could not check the credentials of user '"
                            + username + "' now: " + text(e), e, password)
                    : failure(false, "SMTP server " + target + " refused the credentials of user '" + username
                            + "': " + text(e), e, password);
        }
        if (e instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                && failed.getInvalidAddresses().length > 0) {
            return failure(false, where + " failed: the server refused recipient(s) "
                    + addresses(failed.getInvalidAddresses()) + ": " + firstReply(e), e, password);
        }
        int code = replyCode(e);
        if (code > 0) {
            // RFC 5321 4.5.3.1.10: 552 (storage exceeded) on RCPT is to be treated as the transient 452.
            boolean transientReply = code < 500 || (code == 552 && has(e, SMTPAddressFailedException.class));
            return failure(transientReply, where + " failed" + (transientReply ? " with a transient reply: " : ": ")
                    + firstReply(e), e, password);
        }
        return common(e, where, password);
    }

    /** A failure of IMAP {@code doing} at {@code target} as {@code username}. */
    static ConnectorException imap(Exception e, String doing, String target, String username, String folder,
            String password) {
        String where = doing + " at IMAP server " + target;
        if (e instanceof AuthenticationFailedException) {
            return text(e).contains(IMAP_UNAVAILABLE)
                    ? failure(true, "IMAP server " + target + " could not check the credentials of user '"
                            + username + "' now: " + text(e), e, password)
                    : failure(false, "IMAP server " + target + " refused the credentials of user '" + username
                            + "': " + text(e), e, password);
        }
        if (e instanceof FolderNotFoundException) {
            return failure(false, where + " failed: folder '" + folder + "' does not exist", e, password);
        }
        if (dropped(e)) {
            return failure(true, where + " failed: the connection was closed (" + text(e) + ")", e, password);
        }
        return common(e, where, password);
    }

    /**
     * Whether an IMAP call failed because the connection went away, which reconnecting can mend: Jakarta Mail
     * says so with closed-store or -folder exceptions (while reading content, as the cause of an IOException), or
     * with the I/O failure itself.
     */
    static boolean dropped(Exception e) {
        return has(e, StoreClosedException.class) || has(e, FolderClosedException.class)
                || has(e, ConnectionException.class)
                || (has(e, IOException.class) && !has(e, SSLHandshakeException.class));
    }

    private static ConnectorException common(Exception e, String where, String password) {
        if (has(e, SSLHandshakeException.class)) {
            // Certificates and protocol versions do not mend themselves between retries.
            return failure(false, where + " failed: TLS handshake failed: " + text(e), e, password);
        }
        if (has(e, IOException.class) || has(e, ConnectionException.class)) {
            // Refused, reset, unknown host, connect or read timeout: the server may be back in a moment.
            return failure(true, where + " failed: " + text(e), e, password);
        }
        // What is left is protocol or configuration (STARTTLS required but not offered…): a retry would repeat it.
        return failure(false, where + " failed: " + text(e), e, password);
    }

    private static ConnectorException failure(boolean retryable, String message, Exception cause, String password) {
        return new ConnectorException(SYSTEM, scrub(message, password), retryable, cause);
    }

    /** Belt and braces: whatever a server echoed, the password does not leave in a message. */
    static String scrub(String message, String password) {
        return password == null || password.isEmpty() ? message : message.replace(password, "<secret>");
    }

    /** The SMTP reply code of the failure: from Angus' SMTP exceptions down the chain, else from the text. */
    static int replyCode(Exception e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = next(t)) {
            int code = t instanceof SMTPAddressFailedException a ? a.getReturnCode()
                    : t instanceof SMTPSendFailedException s ? s.getReturnCode()
                    : t instanceof SMTPSenderFailedException f ? f.getReturnCode() : -1;
            if (code >= 400) {
                return code;
            }
            Matcher m = t.getMessage() == null ? null : REPLY_CODE.matcher(t.getMessage().strip());
            if (m != null && m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return -1;
    }

    /** The server's reply: the text of the first SMTP exception in the chain, which is the reply line. */
    private static String firstReply(Exception e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = next(t)) {
            if (t instanceof SMTPAddressFailedException || t instanceof SMTPSendFailedException
                    || t instanceof SMTPSenderFailedException) {
                return shorten(t.getMessage());
            }
        }
        return text(e);
    }

    private static String addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** The exception's text with its causes, where Jakarta Mail puts the interesting part. */
    private static String text(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()).strip());
        Throwable t = next(e);
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = next(t)) {
            if (t.getMessage() != null && !text.toString().contains(t.getMessage().strip())) {
                text.append(" (").append(t.getClass().getSimpleName()).append(": ")
                        .append(t.getMessage().strip()).append(')');
            }
        }
        return shorten(text.toString());
    }

    private static String shorten(String s) {
        String one = String.valueOf(s).strip().replaceAll("\\s*\\R\\s*", " ");
        return one.length() <= MAX_TEXT ? one : one.substring(0, MAX_TEXT) + "…";
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = next(t)) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Jakarta Mail chains with getNextException (which is also getCause for most), the rest with getCause. */
    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
