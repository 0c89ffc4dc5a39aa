package io.itsmhub.connectors.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLSocketVerifier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/**
 * The SDK's check that the directory's certificate names the host dialled (the JDK only checks the chain), with its
 * refusal marked as a TLS failure: the SDK reports it as a connect error, which would otherwise be retried for ever
 * although only a new certificate or another URL can fix it.
 */
final class HostNameCheck extends SSLSocketVerifier {

    private final HostNameSSLSocketVerifier verifier = new HostNameSSLSocketVerifier(true);

    @Override
    public void verifySSLSocket(String host, int port, SSLSocket socket) throws LDAPException {
        try {
            verifier.verifySSLSocket(host, port, socket);
        } catch (LDAPException e) {
            SSLPeerUnverifiedException refused = new SSLPeerUnverifiedException(e.getMessage());
            refused.initCause(e);
            throw new LDAPException(e.getResultCode(), e.getMessage(), refused);
        }
    }
}
