package io.itsmhub.connectors.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the directory is and how its users and groups look. A null {@code url} means LDAP is not configured
 * ({@link #configured()}); once it is set, {@code userBase} and {@code groupBase} are required and every DN and
 * filter must parse, so that a typo fails at startup rather than at the first login. The defaults fit OpenLDAP
 * with {@code inetOrgPerson} users, {@code groupOfNames} groups and the ppolicy overlay; for Active Directory an
 * operator sets e.g. {@code username-attribute=sAMAccountName}, {@code user-filter=(objectClass=user)},
 * {@code group-filter=(objectClass=group)}, {@code disable-attribute=userAccountControl}, {@code disable-value=514}.
 *
 * @param url                  {@code ldap://host[:port]} or {@code ldaps://host[:port]}; null without a directory
 * @param bindDn               the service account the hub searches and modifies as; null for anonymous access
 * @param bindPassword         that account's password; required with {@code bindDn}
 * @param userBase             where users live, e.g. {@code ou=people,dc=example,dc=com}; searched with subtree scope
 * @param userFilter           which entries under userBase are users; default {@code (objectClass=inetOrgPerson)}
 * @param groupBase            where groups live, e.g. {@code ou=groups,dc=example,dc=com}
 * @param groupFilter          which entries under groupBase are groups; default {@code (objectClass=groupOfNames)}
 * @param usernameAttribute    the login name; default {@code uid}
 * @param displayNameAttribute default {@code cn}
 * @param mailAttribute        default {@code mail}
 * @param mobileAttribute      default {@code mobile}
 * @param managerAttribute     holds the manager's DN; default {@code manager}
 * @param memberOfAttribute    the user's group DNs, when the directory maintains them (OpenLDAP's memberof overlay,
 *                             AD); default {@code memberOf}. A user without it has their groups read from the groups'
 *                             member attribute; blank turns the attribute off altogether.
 * @param groupNameAttribute   the group's name; default {@code cn}
 * @param groupMemberAttribute holds the members' DNs; default {@code member}
 * @param disableAttribute     set to {@code disableValue} to disable an account; default {@code pwdAccountLockedTime}
 * @param disableValue         default {@code 000001010000Z}, OpenLDAP ppolicy's "locked until an administrator unlocks"
 * @param timeout              connect timeout and the wait for each answer; default 5s
 * @param poolSize             service connections kept open; default 4
 * @param startTls             upgrade {@code ldap://} connections with StartTLS; default false
 */
@ConfigurationProperties("hub.ldap")
public record LdapSettings(
        URI url,
        String bindDn,
        String bindPassword,
        String userBase,
        @DefaultValue(DEFAULT_USER_FILTER) String userFilter,
        String groupBase,
        @DefaultValue(DEFAULT_GROUP_FILTER) String groupFilter,
        @DefaultValue("uid") String usernameAttribute,
        @DefaultValue("cn") String displayNameAttribute,
        @DefaultValue("mail") String mailAttribute,
        @DefaultValue("mobile") String mobileAttribute,
        @DefaultValue("manager") String managerAttribute,
        @DefaultValue("memberOf") String memberOfAttribute,
        @DefaultValue("cn") String groupNameAttribute,
        @DefaultValue("member") String groupMemberAttribute,
        @DefaultValue("pwdAccountLockedTime") String disableAttribute,
        @DefaultValue(DEFAULT_DISABLE_VALUE) String disableValue,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("4") int poolSize,
        boolean startTls) {

    static final String DEFAULT_USER_FILTER = "(objectClass=inetOrgPerson)";
    static final String DEFAULT_GROUP_FILTER = "(objectClass=groupOfNames)";
    static final String DEFAULT_DISABLE_VALUE = "000001010000Z";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final int DEFAULT_POOL_SIZE = 4;

    /**
     * The defaults again, because {@code @DefaultValue} only applies when Spring binds, not to {@code new};
     * a pool size of 0 counts as unset for the same reason.
     */
    public LdapSettings {
        // An empty environment variable means "not set", not an empty DN (which is the root DSE's).
        bindDn = bindDn == null || bindDn.isBlank() ? null : bindDn.strip();
        bindPassword = bindPassword == null || bindPassword.isEmpty() ? null : bindPassword;
        userFilter = orDefault(userFilter, DEFAULT_USER_FILTER);
        groupFilter = orDefault(groupFilter, DEFAULT_GROUP_FILTER);
        usernameAttribute = orDefault(usernameAttribute, "uid");
        displayNameAttribute = orDefault(displayNameAttribute, "cn");
        mailAttribute = orDefault(mailAttribute, "mail");
        mobileAttribute = orDefault(mobileAttribute, "mobile");
        managerAttribute = orDefault(managerAttribute, "manager");
        // Only null falls back: blank is how an operator says "this directory has no memberOf, don't ask for it".
        memberOfAttribute = memberOfAttribute == null ? "memberOf" : memberOfAttribute.strip();
        groupNameAttribute = orDefault(groupNameAttribute, "cn");
        groupMemberAttribute = orDefault(groupMemberAttribute, "member");
        disableAttribute = orDefault(disableAttribute, "pwdAccountLockedTime");
        disableValue = disableValue == null || disableValue.isEmpty() ? DEFAULT_DISABLE_VALUE : disableValue;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        poolSize = poolSize == 0 ? DEFAULT_POOL_SIZE : poolSize;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("hub.ldap.timeout must be positive, was " + timeout);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("hub.ldap.pool-size must be at least 1, was " + poolSize);
        }
        filter("user-filter", userFilter);
        filter("group-filter", groupFilter);
        if (url != null) {
            checkUrl(url, startTls);
            dn("user-base", required("user-base", userBase));
            dn("group-base", required("group-base", groupBase));
            if (bindDn != null) {
                dn("bind-dn", bindDn);
                // An empty password turns a bind into an anonymous one (RFC 4513 5.1.2): refuse the illusion.
                if (bindPassword == null) {
                    throw new IllegalArgumentException(
                            "hub.ldap.bind-password is required when hub.ldap.bind-dn is set");
                }
            } else if (bindPassword != null) {
                throw new IllegalArgumentException("hub.ldap.bind-password is set but hub.ldap.bind-dn is not");
            }
        }
    }

    /** Settings with every default, for a service account {@code bindDn}. */
    public static LdapSettings of(URI url, String bindDn, String bindPassword, String userBase, String groupBase) {
        return new LdapSettings(url, bindDn, bindPassword, userBase, null, groupBase, null, null, null, null, null,
                null, null, null, null, null, null, null, 0, false);
    }

    /** Whether a directory is configured at all; without one the hub has no LDAP logins or user sync. */
    public boolean configured() {
        return url != null;
    }

    /** Whether users carry their group DNs in {@link #memberOfAttribute()}. */
    public boolean usesMemberOf() {
        return !memberOfAttribute.isEmpty();
    }

    public LdapSettings withUrl(URI newUrl) {
        return new LdapSettings(newUrl, bindDn, bindPassword, userBase, userFilter, groupBase, groupFilter,
                usernameAttribute, displayNameAttribute, mailAttribute, mobileAttribute, managerAttribute,
                memberOfAttribute, groupNameAttribute, groupMemberAttribute, disableAttribute, disableValue, timeout,
                poolSize, startTls);
    }

    public LdapSettings withBind(String newBindDn, String newBindPassword) {
        return new LdapSettings(url, newBindDn, newBindPassword, userBase, userFilter, groupBase, groupFilter,
                usernameAttribute, displayNameAttribute, mailAttribute, mobileAttribute, managerAttribute,
                memberOfAttribute, groupNameAttribute, groupMemberAttribute, disableAttribute, disableValue, timeout,
                poolSize, startTls);
    }

    public LdapSettings withTimeout(Duration newTimeout) {
        return new LdapSettings(url, bindDn, bindPassword, userBase, userFilter, groupBase, groupFilter,
                usernameAttribute, displayNameAttribute, mailAttribute, mobileAttribute, managerAttribute,
                memberOfAttribute, groupNameAttribute, groupMemberAttribute, disableAttribute, disableValue, newTimeout,
                poolSize, startTls);
    }

    public LdapSettings withMemberOfAttribute(String newMemberOfAttribute) {
        return new LdapSettings(url, bindDn, bindPassword, userBase, userFilter, groupBase, groupFilter,
                usernameAttribute, displayNameAttribute, mailAttribute, mobileAttribute, managerAttribute,
                newMemberOfAttribute, groupNameAttribute, groupMemberAttribute, disableAttribute, disableValue, timeout,
                poolSize, startTls);
    }

    public LdapSettings withStartTls(boolean newStartTls) {
        return new LdapSettings(url, bindDn, bindPassword, userBase, userFilter, groupBase, groupFilter,
                usernameAttribute, displayNameAttribute, mailAttribute, mobileAttribute, managerAttribute,
                memberOfAttribute, groupNameAttribute, groupMemberAttribute, disableAttribute, disableValue, timeout,
                poolSize, newStartTls);
    }

    /** Never prints the bind password: settings end up in logs and actuator output. */
    @Override
    public String toString() {
        return "LdapSettings[url=" + url + ", bindDn=" + bindDn
                + ", bindPassword=" + (bindPassword == null ? null : "<secret>")
                + ", userBase=" + userBase + ", userFilter=" + userFilter
                + ", groupBase=" + groupBase + ", groupFilter=" + groupFilter
                + ", usernameAttribute=" + usernameAttribute + ", displayNameAttribute=" + displayNameAttribute
                + ", mailAttribute=" + mailAttribute + ", mobileAttribute=" + mobileAttribute
                + ", managerAttribute=" + managerAttribute + ", memberOfAttribute=" + memberOfAttribute
                + ", groupNameAttribute=" + groupNameAttribute + ", groupMemberAttribute=" + groupMemberAttribute
                + ", disableAttribute=" + disableAttribute + ", disableValue=" + disableValue
                + ", timeout=" + timeout + ", poolSize=" + poolSize + ", startTls=" + startTls + "]";
    }

    private static void checkUrl(URI url, boolean startTls) {
        String scheme = url.getScheme();
        if (!"ldap".equalsIgnoreCase(scheme) && !"ldaps".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("hub.ldap.url must be an ldap:// or ldaps:// URL, was " + url);
        }
        // Not echoing the URL here: its user info may hold the very secret this refuses to carry.
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "hub.ldap.url must not carry credentials; set hub.ldap.bind-dn and hub.ldap.bind-password");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("hub.ldap.url must name a host, was " + url);
        }
        if (startTls && "ldaps".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException(
                    "hub.ldap.start-tls is for ldap:// URLs; an ldaps:// connection is encrypted from the start");
        }
    }

    private static String required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("hub.ldap." + key + " is required when hub.ldap.url is set");
        }
        return value;
    }

    private static void dn(String key, String value) {
        try {
            new DN(value);
        } catch (LDAPException e) {
            // The SDK's reason, not its exception, so that the root cause of a failed startup names the property.
            throw new IllegalArgumentException("hub.ldap." + key + " is not a valid DN: " + e.getMessage());
        }
    }

    private static void filter(String key, String value) {
        try {
            Filter.create(value);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("hub.ldap." + key + " is not a valid LDAP filter: " + e.getMessage());
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
