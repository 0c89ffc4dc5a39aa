package io.itsmhub.connectors.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.util.ObjectPair;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * A real LDAP server for tests: a small wrapper of UnboundID's {@link InMemoryDirectoryServer}, which speaks the
 * LDAP protocol over a socket (binds, searches, modifies, controls such as simple paged results, StartTLS)
 * against an in-memory tree, so the client under test goes through exactly the code it uses against OpenLDAP or
 * Active Directory. It listens on a free loopback port, with base {@code dc=example,dc=com}, {@code ou=people},
 * {@code ou=groups}, the service account {@link #SERVICE_DN}/{@link #SERVICE_PASSWORD} and the sample people and
 * groups of {@code ldap/example.ldif}: alice (agent), bob (agent), mike (the manager of alice, bob and carol),
 * carol (change manager, rita's manager) and rita (release manager); groups itsm-agents, itsm-change-managers,
 * itsm-release-managers, itsm-admins and payments-db-readers (groupOfNames with member DNs).
 *
 * <p>How it resembles a production directory, and where it does not:
 * <ul>
 * <li>Schema checking stays on, with the SDK's standard schema (inetOrgPerson, groupOfNames…) plus two
 *     attribute types from OpenLDAP: {@code pwdAccountLockedTime} (ppolicy), so that disabling an account is
 *     checked against a schema rather than accepted blindly, and {@code memberOf} (memberof overlay).
 *     {@code pwdAccountLockedTime} is declared with Directory String syntax instead of Generalized Time because
 *     the SDK's syntax check rejects ppolicy's permanent-lock value {@code 000001010000Z} (year 0000).</li>
 * <li>No memberOf is maintained: like a plain OpenLDAP without the overlay, users do not carry their groups, and
 *     clients must read the groups' member attribute. A test can write memberOf values itself
 *     ({@link #modify}) to play a directory that does; the attribute is user-modifiable here for that reason.</li>
 * <li>Every operation but bind and extended operations (StartTLS) requires authentication, as with OpenLDAP's
 *     usual ACLs; there are no other access controls, so any bound user may change anything.</li>
 * <li>An unpaged search returns at most {@link #MAX_SIZE_LIMIT} entries, like Active Directory's MaxPageSize;
 *     a paged one returns everything.</li>
 * <li>Deleting a user removes them from groups' member and others' manager values (OpenLDAP's refint overlay).</li>
 * <li>Passwords are plain text and compared as is; ppolicy (lockout, expiry) is not enforced.</li>
 * </ul>
 * It records the DNs of simple binds and the filters of searches it receives, never a password, and counts
 * StartTLS upgrades ({@link #binds()}, {@link #searchFilters()}, {@link #startTlsUpgrades()}); and it can refuse
 * the next bind, search or modify with a result of the test's choosing ({@link #refuseNext}).
 */
public final class DirectoryServer implements AutoCloseable {

    public static final String BASE_DN = "dc=example,dc=com";
    public static final String PEOPLE_DN = "ou=people," + BASE_DN;
    public static final String GROUPS_DN = "ou=groups," + BASE_DN;
    public static final String SERVICE_DN = "cn=hub,ou=system," + BASE_DN;
    public static final String SERVICE_PASSWORD = "hub-service-Secret-1";
    public static final List<String> SAMPLE_USERS = List.of("alice", "bob", "carol", "mike", "rita");
    public static final List<String> SAMPLE_GROUPS = List.of("itsm-admins", "itsm-agents", "itsm-change-managers",
            "itsm-release-managers", "payments-db-readers");
    public static final int MAX_SIZE_LIMIT = 1000;

    private static final String LDIF = "/ldap/example.ldif";
    private static final String EXTRA_SCHEMA = """
            dn: cn=schema
            objectClass: top
            objectClass: subschema
            attributeTypes: ( 1.3.6.1.4.1.42.2.27.8.1.17 NAME 'pwdAccountLockedTime' \
            DESC 'The time an user account was locked (OpenLDAP ppolicy; Directory String here, see DirectoryServer)' \
            EQUALITY caseIgnoreMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE USAGE directoryOperation )
            attributeTypes: ( 1.2.840.113556.1.2.102 NAME 'memberOf' \
            DESC 'Group that the entry belongs to (OpenLDAP memberof overlay)' \
            EQUALITY distinguishedNameMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.12 USAGE dSAOperation )
            """;

    private final InMemoryDirectoryServer server;
    private final int port;
    private final Integer ldapsPort;
    private final SSLContext clientTls;
    private final Traffic traffic;

    private DirectoryServer(InMemoryDirectoryServer server, int port, Integer ldapsPort, SSLContext clientTls,
            Traffic traffic) {
        this.server = server;
        this.port = port;
        this.ldapsPort = ldapsPort;
        this.clientTls = clientTls;
        this.traffic = traffic;
    }

    /** A started server with the sample data, plain LDAP only. */
    public static DirectoryServer start() {
        return start(null);
    }

    /**
     * A started server with the sample data whose LDAP port also offers StartTLS, plus an LDAPS port
     * ({@link #ldapsUrl()}); its self-signed certificate is trusted by {@link #clientTls()} only.
     */
    public static DirectoryServer startWithTls() {
        return startWithTls("localhost");
    }

    /** As {@link #startWithTls()}, with a certificate for another host name, e.g. to see host name checks fail. */
    public static DirectoryServer startWithTls(String certificateHostName) {
        return start(certificateHostName);
    }

    private static DirectoryServer start(String certificateHostName) {
        boolean tls = certificateHostName != null;
        LDAPException last = null;
        // The ports are chosen up front, not left to the listener, so that restart() comes back on the same ones;
        // another process may grab one in between, hence the retries.
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            Integer ldapsPort = tls ? freePort() : null;
            Traffic traffic = new Traffic();
            try {
                ObjectPair<SSLUtil, SSLContext> certificates = tls ? certificates(certificateHostName) : null;
                InMemoryDirectoryServer server = new InMemoryDirectoryServer(
                        config(port, ldapsPort, certificates == null ? null : certificates.getFirst(), traffic));
                load(server);
                try {
                    server.startListening();
                } catch (LDAPException e) {
                    server.shutDown(true);
                    last = e;
                    continue;
                }
                return new DirectoryServer(server, port, ldapsPort,
                        certificates == null ? null : certificates.getSecond(), traffic);
            } catch (LDAPException e) {
                throw new IllegalStateException("cannot set up the in-memory directory", e);
            }
        }
        throw new IllegalStateException("cannot start the in-memory directory", last);
    }

    public URI url() {
        return URI.create("ldap://localhost:" + port);
    }

    /** The LDAPS port of a server from {@link #startWithTls()}. */
    public URI ldapsUrl() {
        if (ldapsPort == null) {
            throw new IllegalStateException("started without TLS; use DirectoryServer.startWithTls()");
        }
        return URI.create("ldaps://localhost:" + ldapsPort);
    }

    /** A client TLS context that trusts this server's certificate (and nothing else). */
    public SSLContext clientTls() {
        if (clientTls == null) {
            throw new IllegalStateException("started without TLS; use DirectoryServer.startWithTls()");
        }
        return clientTls;
    }

    /** Settings for this server: the service account, ou=people, ou=groups and every other default. */
    public LdapSettings settings() {
        return LdapSettings.of(url(), SERVICE_DN, SERVICE_PASSWORD, PEOPLE_DN, GROUPS_DN);
    }

    /** The password of a sample user of {@code example.ldif}. */
    public static String samplePassword(String uid) {
        if (!SAMPLE_USERS.contains(uid)) {
            throw new IllegalArgumentException("not a sample user: " + uid);
        }
        return uid + "-Secret-1";
    }

    public static String userDn(String uid) {
        return new RDN("uid", uid) + "," + PEOPLE_DN;
    }

    public static String groupDn(String name) {
        return new RDN("cn", name) + "," + GROUPS_DN;
    }

    /**
     * Adds an inetOrgPerson under ou=people; mail, mobile, password and managerUid may be null.
     *
     * @return the new entry's DN
     */
    public String addUser(String uid, String cn, String mail, String mobile, String password, String managerUid) {
        List<Attribute> attributes = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("uid", uid),
                new Attribute("cn", cn),
                new Attribute("sn", cn.contains(" ") ? cn.substring(cn.lastIndexOf(' ') + 1) : cn)));
        if (mail != null) {
            attributes.add(new Attribute("mail", mail));
        }
        if (mobile != null) {
            attributes.add(new Attribute("mobile", mobile));
        }
        if (password != null) {
            attributes.add(new Attribute("userPassword", password));
        }
        if (managerUid != null) {
            attributes.add(new Attribute("manager", userDn(managerUid)));
        }
        String dn = userDn(uid);
        run(() -> server.add(dn, attributes));
        return dn;
    }

    /** Adds a user to a group, behind the client's back. */
    public void addMember(String group, String uid) {
        modify(groupDn(group), new Modification(ModificationType.ADD, "member", userDn(uid)));
    }

    /** Deletes a user from ou=people (and, as refint would, from groups and manager values). */
    public void delete(String uid) {
        run(() -> server.delete(userDn(uid)));
    }

    /** Any change behind the client's back, e.g. memberOf values to play a directory that keeps them. */
    public void modify(String dn, Modification... modifications) {
        run(() -> server.modify(dn, modifications));
    }

    /** The entry with its operational attributes (memberOf, pwdAccountLockedTime), or null. */
    public Entry entry(String dn) {
        try {
            return server.getEntry(dn, "*", "+");
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot read " + dn, e);
        }
    }

    /** DNs of the simple binds received, in order; the service account's among them. */
    public List<String> binds() {
        return List.copyOf(traffic.binds);
    }

    /** Filters of the searches received, in order, as the server decoded them. */
    public List<String> searchFilters() {
        return List.copyOf(traffic.searchFilters);
    }

    /** How many connections to the LDAP port were upgraded with StartTLS. */
    public int startTlsUpgrades() {
        return traffic.startTlsUpgrades.get();
    }

    /**
     * Answers the next request of that type ({@link OperationType#BIND}, {@link OperationType#SEARCH} or
     * {@link OperationType#MODIFY}) with that result instead of processing it, as a directory does that is
     * busy, enforces a password policy or denies a write: e.g. {@code refuseNext(MODIFY, CONSTRAINT_VIOLATION,
     * "password too short")}. Refusals queue up per type.
     */
    public void refuseNext(OperationType type, ResultCode result, String diagnosticMessage) {
        if (type != OperationType.BIND && type != OperationType.SEARCH && type != OperationType.MODIFY) {
            throw new IllegalArgumentException("only BIND, SEARCH and MODIFY can be refused, not " + type);
        }
        traffic.refusals.computeIfAbsent(type, t -> new ConcurrentLinkedQueue<>())
                .add(new LDAPException(result, diagnosticMessage));
    }

    /** Stops listening and drops every connection, as a directory going down does; the data stays. */
    public void stop() {
        server.shutDown(true);
    }

    /** Listens again on the same port(s) after {@link #stop()}. */
    public void restart() {
        run(server::startListening);
    }

    /** The wrapped server, for anything this class does not offer. */
    public InMemoryDirectoryServer inMemoryServer() {
        return server;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    @Override
    public String toString() {
        return "DirectoryServer[" + url() + (ldapsPort == null ? "" : ", " + ldapsUrl()) + "]";
    }

    private static InMemoryDirectoryServerConfig config(int port, Integer ldapsPort, SSLUtil serverTls,
            Traffic traffic) throws LDAPException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setSchema(schema());
        config.setAuthenticationRequiredOperationTypes(OperationType.ADD, OperationType.COMPARE,
                OperationType.DELETE, OperationType.MODIFY, OperationType.MODIFY_DN, OperationType.SEARCH);
        config.setMaxSizeLimit(MAX_SIZE_LIMIT);
        config.setReferentialIntegrityAttributes("member", "manager");
        config.setListenerConfigs(listeners(port, ldapsPort, serverTls, traffic.startTlsUpgrades));
        config.addInMemoryOperationInterceptor(traffic);
        return config;
    }

    private static Schema schema() {
        try {
            return Schema.mergeSchemas(Schema.getDefaultStandardSchema(),
                    new Schema(new Entry(EXTRA_SCHEMA.split("\n"))));
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException("cannot build the in-memory directory's schema", e);
        }
    }

    private static List<InMemoryListenerConfig> listeners(int port, Integer ldapsPort, SSLUtil serverTls,
            AtomicInteger startTlsUpgrades) throws LDAPException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        if (serverTls == null) {
            return List.of(InMemoryListenerConfig.createLDAPConfig("ldap", loopback, port, null));
        }
        try {
            return List.of(
                    InMemoryListenerConfig.createLDAPConfig("ldap", loopback, port,
                            new CountingUpgrades(serverTls.createSSLSocketFactory(), startTlsUpgrades)),
                    InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, ldapsPort,
                            serverTls.createSSLServerSocketFactory(), null));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for the in-memory directory", e);
        }
    }

    /** A new self-signed certificate for that host: the server's key manager, a client context trusting only it. */
    private static ObjectPair<SSLUtil, SSLContext> certificates(String hostName) {
        try {
            File keyStore = File.createTempFile("itsm-hub-directory-", ".p12");
            keyStore.delete();
            keyStore.deleteOnExit();
            char[] pin = UUID.randomUUID().toString().toCharArray();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            ResultCode generated = ManageCertificates.main(null, output, output, "generate-self-signed-certificate",
                    "--keystore", keyStore.getPath(), "--keystore-password", new String(pin),
                    "--keystore-type", "PKCS12", "--alias", "directory",
                    "--subject-dn", "CN=" + hostName + ",O=ITSM Hub tests",
                    "--subject-alternative-name-dns", hostName, "--days-valid", "2",
                    "--key-algorithm", "EC", "--key-size-bits", "256", "--signature-algorithm", "SHA256withECDSA");
            if (generated != ResultCode.SUCCESS) {
                throw new IllegalStateException("cannot make a certificate: " + output);
            }
            SSLUtil server = new SSLUtil(new KeyStoreKeyManager(keyStore, pin, "PKCS12", "directory"), null);
            SSLContext client = new SSLUtil(new TrustStoreTrustManager(keyStore, pin, "PKCS12", true))
                    .createSSLContext();
            return new ObjectPair<>(server, client);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a certificate for the in-memory directory", e);
        }
    }

    private static void load(InMemoryDirectoryServer server) throws LDAPException {
        try (InputStream ldif = DirectoryServer.class.getResourceAsStream(LDIF)) {
            if (ldif == null) {
                throw new IllegalStateException(LDIF + " is not on the class path");
            }
            server.importFromLDIF(true, new LDIFReader(ldif));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records what the server receives (never a password) and plays the refusals of {@link #refuseNext}. */
    private static final class Traffic extends InMemoryOperationInterceptor {

        final List<String> binds = new CopyOnWriteArrayList<>();
        final List<String> searchFilters = new CopyOnWriteArrayList<>();
        final AtomicInteger startTlsUpgrades = new AtomicInteger();
        final Map<OperationType, Queue<LDAPException>> refusals = new ConcurrentHashMap<>();

        @Override
        public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
            binds.add(request.getRequest().getBindDN()); // the DN only: the request also holds the password
            refuseIfAsked(OperationType.BIND);
        }

        @Override
        public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
            searchFilters.add(request.getRequest().getFilter().toString());
            refuseIfAsked(OperationType.SEARCH);
        }

        @Override
        public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
            refuseIfAsked(OperationType.MODIFY);
        }

        private void refuseIfAsked(OperationType type) throws LDAPException {
            Queue<LDAPException> queued = refusals.get(type);
            LDAPException refusal = queued == null ? null : queued.poll();
            if (refusal != null) {
                throw refusal;
            }
        }
    }

    /** The server side of StartTLS: the in-memory server layers TLS over an accepted socket with this factory. */
    private static final class CountingUpgrades extends SSLSocketFactory {

        private final SSLSocketFactory factory;
        private final AtomicInteger upgrades;

        CountingUpgrades(SSLSocketFactory factory, AtomicInteger upgrades) {
            this.factory = factory;
            this.upgrades = upgrades;
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            upgrades.incrementAndGet();
            return factory.createSocket(socket, host, port, autoClose);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return factory.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return factory.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return factory.createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return factory.createSocket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return factory.createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return factory.createSocket(address, port, localAddress, localPort);
        }
    }

    private interface LdapAction {
        void run() throws LDAPException;
    }

    private static void run(LdapAction action) {
        try {
            action.run();
        } catch (LDAPException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
