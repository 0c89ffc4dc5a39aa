package io.itsmhub.connectors.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.GetEntryLDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import io.itsmhub.connectors.ConnectorException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DirectoryClient} on the UnboundID LDAP SDK. Thread-safe; make one per directory, share it and
 * {@link #close()} it.
 *
 * <p>Searches and modifications go through a pool of connections bound as the service account, opened on first
 * use (so the hub starts while the directory is down) and checked in the background; an operation that meets a
 * connection the directory dropped (a restart) is retried once on a new one. Logins bind on a fresh connection
 * that is closed right after, so a user's identity never leaks into the pool.
 *
 * <p>Groups: a user's groups come from their memberOf values when the entry has any (OpenLDAP's memberof
 * overlay, Active Directory), keeping those under the group base; otherwise from the groups whose member
 * attribute holds the user's DN. Plain LDAP servers and UnboundID's in-memory server keep no memberOf.
 *
 * <p>Not covered: AD's ranged retrieval of huge member attributes ({@code member;range=0-1499}), AD passwords
 * ({@code unicodePwd}), nested groups and referrals. A password set with {@link #setPassword} is stored as the
 * directory stores a userPassword replace: OpenLDAP hashes it only with ppolicy's {@code olcPPolicyHashCleartext}.
 */
public class UnboundIdDirectoryClient implements DirectoryClient, AutoCloseable {

    static final int PAGE_SIZE = 500;
    static final String PASSWORD_ATTRIBUTE = "userPassword";
    private static final Logger log = LoggerFactory.getLogger(UnboundIdDirectoryClient.class);
    private static final Duration MAX_CONNECTION_AGE = Duration.ofMinutes(15);

    // What directories answer a login they refuse: a wrong password (all), a locked, expired or disabled account
    // (AD: 49 with a sub-code; some servers: 53), a DN that cannot authenticate with a password (48).
    private static final Set<ResultCode> LOGIN_REFUSED = Set.of(ResultCode.INVALID_CREDENTIALS,
            ResultCode.UNWILLING_TO_PERFORM, ResultCode.INAPPROPRIATE_AUTHENTICATION);

    private final LdapSettings settings;
    private final String target;
    private final String host;
    private final int port;
    private final SSLContext tls;
    private final SocketFactory sockets;
    private final LDAPConnectionOptions options;
    private final Filter userFilter;
    private final Filter groupFilter;
    private final DN groupBase;
    private final String[] userAttributes;
    private final LDAPConnectionPool pool;
    private volatile Boolean pagedResults;

    public UnboundIdDirectoryClient(LdapSettings settings) {
        this(settings, null);
    }

    /** With the TLS context for ldaps:// and StartTLS, for when the JVM's default one does not trust the directory. */
    UnboundIdDirectoryClient(LdapSettings settings, SSLContext tls) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!settings.configured()) {
            throw new IllegalStateException("LDAP is not configured: hub.ldap.url is not set");
        }
        URI url = settings.url();
        boolean ldaps = "ldaps".equalsIgnoreCase(url.getScheme());
        this.host = url.getHost();
        this.port = url.getPort() > 0 ? url.getPort() : ldaps ? 636 : 389;
        this.target = url.getScheme().toLowerCase(Locale.ROOT) + "://" + host + ":" + port;
        this.tls = ldaps || settings.startTls() ? (tls == null ? defaultTls() : tls) : null;
        this.sockets = ldaps ? this.tls.getSocketFactory() : SocketFactory.getDefault();
        this.options = options(settings.timeout(), this.tls != null);
        this.userFilter = parse(settings.userFilter());
        this.groupFilter = parse(settings.groupFilter());
        this.groupBase = dn(settings.groupBase());
        this.userAttributes = Stream.of(settings.usernameAttribute(), settings.displayNameAttribute(),
                        settings.mailAttribute(), settings.mobileAttribute(), settings.managerAttribute(),
                        settings.memberOfAttribute(), settings.disableAttribute())
                .filter(name -> !name.isEmpty()).distinct().toArray(String[]::new);
        this.pool = pool();
    }

    @Override
    public Optional<DirectoryUser> authenticate(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return Optional.empty(); // an empty password would be an anonymous bind, which "succeeds"
        }
        String doing = "authenticating user '" + LdapFailure.printable(username) + "'";
        List<SearchResultEntry> found = findUser(username, doing);
        if (found.size() != 1) {
            if (found.size() > 1) {
                log.warn("Login refused: username '{}' matches several entries under {}; usernames must be unique",
                        LdapFailure.printable(username), settings.userBase());
            } else {
                log.debug("Login refused: no user '{}'", LdapFailure.printable(username));
            }
            return Optional.empty();
        }
        SearchResultEntry entry = found.get(0);
        // Checked before the bind, so that a disabled account cannot even learn whether its password is right.
        if (disabled(entry)) {
            log.info("Login refused: user '{}' is disabled", entry.getAttributeValue(settings.usernameAttribute()));
            return Optional.empty();
        }
        if (!bindsAs(entry.getDN(), password, doing)) {
            log.debug("Login refused: wrong password for '{}'", entry.getDN());
            return Optional.empty();
        }
        return Optional.of(toUser(entry, new Resolution(doing, false)));
    }

    @Override
    public Optional<DirectoryUser> user(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        String doing = "reading user '" + LdapFailure.printable(username) + "'";
        List<SearchResultEntry> found = findUser(username, doing);
        if (found.size() > 1) {
            throw ambiguous("user", username, settings.userBase());
        }
        return found.stream().findFirst().map(entry -> toUser(entry, new Resolution(doing, false)));
    }

    @Override
    public List<DirectoryUser> users() {
        String doing = "reading the users under " + settings.userBase();
        List<SearchResultEntry> entries = searchAll(doing, settings.userBase(), userFilter, userAttributes);
        Resolution resolution = new Resolution(doing, true);
        entries.forEach(resolution::knowUser);
        return entries.stream()
                .filter(this::hasUsername)
                .map(entry -> toUser(entry, resolution))
                .sorted(Comparator.comparing(DirectoryUser::username))
                .toList();
    }

    @Override
    public List<DirectoryGroup> groups() {
        String doing = "reading the groups under " + settings.groupBase();
        List<SearchResultEntry> entries = searchAll(doing, settings.groupBase(), groupFilter,
                settings.groupNameAttribute(), settings.groupMemberAttribute());
        Map<DN, String> usernames = usernamesByDn(doing);
        List<DirectoryGroup> groups = new ArrayList<>();
        for (SearchResultEntry entry : entries) {
            String name = entry.getAttributeValue(settings.groupNameAttribute());
            if (name == null) {
                continue;
            }
            Set<String> members = new TreeSet<>();
            for (String member : values(entry, settings.groupMemberAttribute())) {
                String username = usernames.get(dnOrNull(member));
                if (username != null) {
                    members.add(username);
                }
            }
            groups.add(new DirectoryGroup(name, entry.getDN(), members));
        }
        groups.sort(Comparator.comparing(DirectoryGroup::name));
        return groups;
    }

    @Override
    public void addToGroup(String username, String group) {
        String doing = "adding user '" + requireName("username", username) + "' to group '"
                + requireName("group", group) + "'";
        String user = requireUser(username, doing).getDN();
        String groupDn = requireGroup(group, doing).getDN();
        // Already a member: 20 from most servers, 68 from Active Directory.
        modify(doing, groupDn, new Modification(ModificationType.ADD, settings.groupMemberAttribute(), user),
                ResultCode.ATTRIBUTE_OR_VALUE_EXISTS, ResultCode.ENTRY_ALREADY_EXISTS);
        log.info("Added '{}' to LDAP group '{}'", LdapFailure.printable(username), LdapFailure.printable(group));
    }

    @Override
    public void removeFromGroup(String username, String group) {
        String doing = "removing user '" + requireName("username", username) + "' from group '"
                + requireName("group", group) + "'";
        String user = requireUser(username, doing).getDN();
        String groupDn = requireGroup(group, doing).getDN();
        Modification remove = new Modification(ModificationType.DELETE, settings.groupMemberAttribute(), user);
        try {
            pool.modify(groupDn, remove);
        } catch (LDAPException e) {
            // Not a member: 16 from most servers; Active Directory answers 53, which also means other refusals.
            if (e.getResultCode() != ResultCode.NO_SUCH_ATTRIBUTE
                    && !(e.getResultCode() == ResultCode.UNWILLING_TO_PERFORM && !isMember(groupDn, user, doing))) {
                throw failure(doing, e);
            }
        }
        log.info("'{}' is not (or no longer) in LDAP group '{}'", LdapFailure.printable(username),
                LdapFailure.printable(group));
    }

    @Override
    public void setPassword(String username, String newPassword) {
        String doing = "setting the password of user '" + requireName("username", username) + "'";
        if (newPassword == null || newPassword.isEmpty()) {
            throw new IllegalArgumentException(doing + ": the new password must not be empty");
        }
        String user = requireUser(username, doing).getDN();
        modify(doing, user, new Modification(ModificationType.REPLACE, PASSWORD_ATTRIBUTE, newPassword));
        log.info("Reset the LDAP password of '{}'", LdapFailure.printable(username));
    }

    @Override
    public void disable(String username) {
        String doing = "disabling user '" + requireName("username", username) + "'";
        String user = requireUser(username, doing).getDN();
        modify(doing, user,
                new Modification(ModificationType.REPLACE, settings.disableAttribute(), settings.disableValue()));
        log.info("Disabled LDAP user '{}' ({}={})", LdapFailure.printable(username), settings.disableAttribute(),
                settings.disableValue());
    }

    /** Closes the pooled connections. */
    @Override
    public void close() {
        pool.close();
    }

    private List<SearchResultEntry> findUser(String username, String doing) {
        // createEqualityFilter escapes the value (RFC 4515): "*", "(", ")", "\" and NUL match themselves only.
        Filter filter = Filter.createANDFilter(userFilter,
                Filter.createEqualityFilter(settings.usernameAttribute(), username));
        return searchAtMostTwo(doing, settings.userBase(), filter, userAttributes);
    }

    private SearchResultEntry requireUser(String username, String doing) {
        List<SearchResultEntry> found = findUser(username, doing);
        if (found.isEmpty()) {
            throw LdapFailure.permanent(
                    doing + ": no user '" + LdapFailure.printable(username) + "' in " + settings.userBase());
        }
        if (found.size() > 1) {
            throw ambiguous("user", username, settings.userBase());
        }
        return found.get(0);
    }

    private SearchResultEntry requireGroup(String group, String doing) {
        Filter filter = Filter.createANDFilter(groupFilter,
                Filter.createEqualityFilter(settings.groupNameAttribute(), group));
        List<SearchResultEntry> found = searchAtMostTwo(doing, settings.groupBase(), filter, "1.1");
        if (found.isEmpty()) {
            throw LdapFailure.permanent(
                    doing + ": no group '" + LdapFailure.printable(group) + "' in " + settings.groupBase());
        }
        if (found.size() > 1) {
            throw ambiguous("group", group, settings.groupBase());
        }
        return found.get(0);
    }

    /** Two entries are enough to tell "exactly one" from "several" without reading thousands. */
    private List<SearchResultEntry> searchAtMostTwo(String doing, String base, Filter filter, String... attributes) {
        SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, attributes);
        request.setSizeLimit(2);
        try {
            return pool.search(request).getSearchEntries();
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return e.getSearchEntries();
            }
            throw failure(doing, e);
        }
    }

    /**
     * Every matching entry, page by page when the directory supports it (OpenLDAP and AD cap unpaged searches at
     * 500 and 1000 entries). All pages go over one connection: OpenLDAP ties the paging cookie to it.
     */
    private List<SearchResultEntry> searchAll(String doing, String base, Filter filter, String... attributes) {
        for (int attempt = 1; ; attempt++) {
            LDAPConnection connection;
            try {
                connection = pool.getConnection();
            } catch (LDAPException e) {
                throw failure(doing, e);
            }
            try {
                List<SearchResultEntry> entries = searchAll(connection, base, filter, attributes);
                pool.releaseConnection(connection);
                return entries;
            } catch (LDAPException e) {
                pool.releaseConnectionAfterException(connection, e);
                // A pooled connection the directory dropped (it restarted): once more, on a new connection.
                if (attempt == 1 && e.getResultCode() == ResultCode.SERVER_DOWN) {
                    continue;
                }
                throw failure(doing, e);
            }
        }
    }

    private List<SearchResultEntry> searchAll(LDAPConnection connection, String base, Filter filter,
            String... attributes) throws LDAPException {
        boolean paged = pagedResults(connection);
        List<SearchResultEntry> entries = new ArrayList<>();
        ASN1OctetString cookie = null;
        do {
            SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, attributes);
            if (paged) {
                request.addControl(new SimplePagedResultsControl(PAGE_SIZE, cookie));
            }
            SearchResult result = connection.search(request);
            entries.addAll(result.getSearchEntries());
            SimplePagedResultsControl page = paged ? SimplePagedResultsControl.get(result) : null;
            cookie = page == null ? null : page.getCookie();
        } while (cookie != null && cookie.getValueLength() > 0);
        return entries;
    }

    private boolean pagedResults(LDAPConnection connection) throws LDAPException {
        Boolean known = pagedResults;
        if (known == null) {
            RootDSE root = connection.getRootDSE();
            known = root != null && root.supportsControl(SimplePagedResultsControl.PAGED_RESULTS_OID);
            pagedResults = known;
        }
        return known;
    }

    private Map<DN, String> usernamesByDn(String doing) {
        Map<DN, String> usernames = new HashMap<>();
        for (SearchResultEntry entry : searchAll(doing, settings.userBase(), userFilter,
                settings.usernameAttribute())) {
            String username = entry.getAttributeValue(settings.usernameAttribute());
            if (username != null) {
                usernames.put(dnOrNull(entry.getDN()), username);
            }
        }
        return usernames;
    }

    private void modify(String doing, String dn, Modification modification, ResultCode... harmless) {
        try {
            pool.modify(dn, modification);
        } catch (LDAPException e) {
            if (!List.of(harmless).contains(e.getResultCode())) {
                throw failure(doing, e);
            }
        }
    }

    private boolean isMember(String groupDn, String userDn, String doing) {
        try {
            return pool.compare(groupDn, settings.groupMemberAttribute(), userDn).compareMatched();
        } catch (LDAPException e) {
            throw failure(doing, e);
        }
    }

    /** Binds as the user on a connection of its own, closed right after. */
    private boolean bindsAs(String dn, String password, String doing) {
        try (LDAPConnection connection = new LDAPConnection(sockets, options, host, port)) {
            if (settings.startTls()) {
                ExtendedResult started = connection.processExtendedOperation(new StartTLSExtendedRequest(tls));
                if (started.getResultCode() != ResultCode.SUCCESS) {
                    throw new LDAPException(started);
                }
            }
            try {
                return connection.bind(new SimpleBindRequest(dn, password)).getResultCode() == ResultCode.SUCCESS;
            } catch (LDAPException e) {
                if (LOGIN_REFUSED.contains(e.getResultCode())) {
                    return false;
                }
                throw e;
            }
        } catch (LDAPException e) {
            throw failure(doing, e);
        }
    }

    private DirectoryUser toUser(SearchResultEntry entry, Resolution resolution) {
        String manager = entry.getAttributeValue(settings.managerAttribute());
        return new DirectoryUser(entry.getAttributeValue(settings.usernameAttribute()), entry.getDN(),
                entry.getAttributeValue(settings.displayNameAttribute()),
                entry.getAttributeValue(settings.mailAttribute()),
                entry.getAttributeValue(settings.mobileAttribute()),
                manager == null ? null : resolution.username(manager),
                resolution.groups(entry), disabled(entry));
    }

    private boolean disabled(SearchResultEntry entry) {
        return values(entry, settings.disableAttribute()).stream()
                .anyMatch(value -> value.equalsIgnoreCase(settings.disableValue()));
    }

    private boolean hasUsername(SearchResultEntry entry) {
        return entry.getAttributeValue(settings.usernameAttribute()) != null;
    }

    private ConnectorException failure(String doing, LDAPException e) {
        return LdapFailure.of(doing, target, e);
    }

    private ConnectorException ambiguous(String kind, String name, String base) {
        return LdapFailure.permanent(kind + " name '" + LdapFailure.printable(name) + "' matches several entries in "
                + base + "; names must be unique");
    }

    /**
     * Resolves the DNs an entry points to (manager, groups) into names, remembering them for the call: a bulk
     * read resolves a manager or a group once, not once per user.
     */
    private final class Resolution {

        private final String doing;
        private final boolean bulk;
        private final Map<DN, String> usernames = new HashMap<>();
        private final Map<DN, Optional<String>> groupNames = new HashMap<>();
        private Map<DN, Set<String>> groupsByMember;

        Resolution(String doing, boolean bulk) {
            this.doing = doing;
            this.bulk = bulk;
        }

        void knowUser(SearchResultEntry entry) {
            DN dn = dnOrNull(entry.getDN());
            String username = entry.getAttributeValue(settings.usernameAttribute());
            if (dn != null && username != null) {
                usernames.put(dn, username);
            }
        }

        /** The username at that DN; null when it points nowhere (the manager left) or at an entry without one. */
        String username(String dnValue) {
            DN dn = dnOrNull(dnValue);
            if (dn == null) {
                return null;
            }
            if (!usernames.containsKey(dn)) {
                try {
                    SearchResultEntry entry = pool.getEntry(dn.toString(), settings.usernameAttribute());
                    usernames.put(dn, entry == null ? null : entry.getAttributeValue(settings.usernameAttribute()));
                } catch (LDAPException e) {
                    if (e.getResultCode() != ResultCode.NO_SUCH_OBJECT) {
                        throw failure(doing, e);
                    }
                    usernames.put(dn, null);
                }
            }
            return usernames.get(dn);
        }

        Set<String> groups(SearchResultEntry user) {
            List<String> memberOf = settings.usesMemberOf() ? values(user, settings.memberOfAttribute()) : List.of();
            if (!memberOf.isEmpty()) {
                Set<String> names = new TreeSet<>();
                for (String value : memberOf) {
                    DN group = dnOrNull(value);
                    if (group != null && group.isDescendantOf(groupBase, false)) {
                        groupName(group).ifPresent(names::add);
                    }
                }
                return names;
            }
            if (bulk) {
                return groupsByMember().getOrDefault(dnOrNull(user.getDN()), Set.of());
            }
            Filter withMember = Filter.createANDFilter(groupFilter,
                    Filter.createEqualityFilter(settings.groupMemberAttribute(), user.getDN()));
            Set<String> names = new TreeSet<>();
            for (SearchResultEntry group : searchAll(doing, settings.groupBase(), withMember,
                    settings.groupNameAttribute())) {
                String name = group.getAttributeValue(settings.groupNameAttribute());
                if (name != null) {
                    names.add(name);
                }
            }
            return names;
        }

        /** From the RDN when it is the name attribute (cn=itsm-agents,…), which it nearly always is; else read. */
        private Optional<String> groupName(DN group) {
            return groupNames.computeIfAbsent(group, dn -> {
                RDN rdn = dn.getRDN();
                if (rdn != null && rdn.getAttributeNames().length == 1
                        && rdn.getAttributeNames()[0].equalsIgnoreCase(settings.groupNameAttribute())) {
                    return Optional.of(rdn.getAttributeValues()[0]);
                }
                try {
                    SearchResultEntry entry = pool.getEntry(dn.toString(), settings.groupNameAttribute());
                    return Optional.ofNullable(entry == null ? null
                            : entry.getAttributeValue(settings.groupNameAttribute()));
                } catch (LDAPException e) {
                    if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                        return Optional.empty();
                    }
                    throw failure(doing, e);
                }
            });
        }

        /** Read once per bulk call, and only when some user has no memberOf. */
        private Map<DN, Set<String>> groupsByMember() {
            if (groupsByMember == null) {
                groupsByMember = new HashMap<>();
                for (SearchResultEntry group : searchAll(doing, settings.groupBase(), groupFilter,
                        settings.groupNameAttribute(), settings.groupMemberAttribute())) {
                    String name = group.getAttributeValue(settings.groupNameAttribute());
                    if (name == null) {
                        continue;
                    }
                    for (String member : values(group, settings.groupMemberAttribute())) {
                        DN dn = dnOrNull(member);
                        if (dn != null) {
                            groupsByMember.computeIfAbsent(dn, key -> new HashSet<>()).add(name);
                        }
                    }
                }
            }
            return groupsByMember;
        }
    }

    private LDAPConnectionPool pool() {
        BindRequest serviceBind = settings.bindDn() == null ? null
                : new SimpleBindRequest(settings.bindDn(), settings.bindPassword());
        // Background checks read the root DSE; after a failed operation the connection is checked before reuse.
        GetEntryLDAPConnectionPoolHealthCheck health = new GetEntryLDAPConnectionPoolHealthCheck(null,
                settings.timeout().toMillis(), false, false, false, false, true, true);
        try {
            LDAPConnectionPool created = new LDAPConnectionPool(
                    new SingleServerSet(host, port, sockets, options), serviceBind, 0, settings.poolSize(), 1,
                    settings.startTls() ? new StartTLSPostConnectProcessor(tls) : null, false, health);
            created.setConnectionPoolName("hub-ldap");
            created.setRetryFailedOperationsDueToInvalidConnections(true);
            // Firewalls and load balancers silently drop idle connections; do not keep any for ever.
            created.setMaxConnectionAgeMillis(MAX_CONNECTION_AGE.toMillis());
            return created;
        } catch (LDAPException e) {
            // Not reached with no initial connections, but the constructor declares it.
            throw new IllegalStateException("cannot create the LDAP connection pool for " + target, e);
        }
    }

    private static LDAPConnectionOptions options(Duration timeout, boolean tls) {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        options.setResponseTimeoutMillis(timeout.toMillis());
        options.setAbandonOnTimeout(true);
        if (tls) {
            options.setSSLSocketVerifier(new HostNameCheck());
        }
        return options;
    }

    private static SSLContext defaultTls() {
        try {
            // The JVM's default honours javax.net.ssl.trustStore, which is where operators put a private CA.
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context for hub.ldap", e);
        }
    }

    private static List<String> values(SearchResultEntry entry, String attribute) {
        String[] values = entry.getAttributeValues(attribute);
        return values == null ? List.of() : List.of(values);
    }

    private static DN dnOrNull(String value) {
        try {
            return value == null ? null : new DN(value);
        } catch (LDAPException e) {
            return null; // a malformed DN in a member or manager value points nowhere
        }
    }

    private static DN dn(String value) {
        try {
            return new DN(value);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("not a DN: " + value, e); // LdapSettings validated it already
        }
    }

    private static Filter parse(String filter) {
        try {
            return Filter.create(filter);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("not an LDAP filter: " + filter, e);
        }
    }

    /** The name, printable for messages; blank is a caller's bug, not something to ask the directory about. */
    private static String requireName(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return LdapFailure.printable(name);
    }
}
