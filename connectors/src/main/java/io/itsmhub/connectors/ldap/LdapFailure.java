package io.itsmhub.connectors.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.itsmhub.connectors.ConnectorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns the SDK's {@link LDAPException} into the connectors' one exception and decides whether a retry can help.
 * The SDK's messages carry result codes, DNs and server diagnostics, never a bind password, so they are kept.
 */
final class LdapFailure {

    static final String SYSTEM = "ldap";

    private LdapFailure() {
    }

    /**
     * @param doing  what failed, e.g. "adding user 'alice' to group 'itsm-agents'"
     * @param target where, e.g. "ldap://ldap.example:389"
     */
    static ConnectorException of(String doing, String target, LDAPException e) {
        ResultCode code = e.getResultCode();
        String text = doing + " at " + target + " failed: " + describe(e);
        if (tlsRefused(e)) {
            // A certificate the JVM does not trust fails the same way on every attempt; retrying hides the fix.
            return ConnectorException.permanent(SYSTEM, text
                    + " (TLS handshake refused: check the directory's certificate and the JVM trust store)", e);
        }
        if (retryable(code)) {
            return ConnectorException.retryable(SYSTEM, text, e);
        }
        if (code == ResultCode.INVALID_CREDENTIALS) {
            // Only the service account binds on pooled connections, so this is its password, not a user's.
            return ConnectorException.permanent(SYSTEM, text
                    + " (the service account was refused: check hub.ldap.bind-dn and hub.ldap.bind-password)", e);
        }
        return ConnectorException.permanent(SYSTEM, text, e);
    }

    /** No connection, a lost one, no answer in time, or a directory that says it is busy or unavailable. */
    static boolean retryable(ResultCode code) {
        return !ResultCode.isConnectionUsable(code)
                || code == ResultCode.SERVER_DOWN || code == ResultCode.CONNECT_ERROR || code == ResultCode.TIMEOUT
                || code == ResultCode.BUSY || code == ResultCode.UNAVAILABLE;
    }

    static ConnectorException permanent(String message) {
        return ConnectorException.permanent(SYSTEM, message, null);
    }

    /** Usernames come from login forms: keep control characters (a NUL, a line break) out of logs and messages. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String describe(LDAPException e) {
        String message = e.getMessage();
        return e.getResultCode() + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }

    private static boolean tlsRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException || t instanceof SSLPeerUnverifiedException
                    || t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }
}
