package io.itsmhub.connectors.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class LdapSettingsTest {

    private static final URI URL = URI.create("ldap://ldap.example:389");
    private static final String PEOPLE = "ou=people,dc=example,dc=com";
    private static final String GROUPS = "ou=groups,dc=example,dc=com";

    @Test
    void defaultsApplyWithoutSpring() {
        LdapSettings settings = LdapSettings.of(URL, "cn=hub,dc=example,dc=com", "pw", PEOPLE, GROUPS);

        assertDefaults(settings);
        assertThat(settings.configured()).isTrue();
    }

    @Test
    void bindsWithTheSameDefaultsAndIgnoresOtherKeysOfThePrefix() {
        LdapSettings settings = bind(Map.of(
                "hub.ldap.url", "ldaps://ldap.example",
                "hub.ldap.bind-dn", "cn=hub,dc=example,dc=com",
                "hub.ldap.bind-password", "pw",
                "hub.ldap.user-base", PEOPLE,
                "hub.ldap.group-base", GROUPS,
                "hub.ldap.sync.cron", "0 0 * * * *"));

        assertThat(settings.url()).isEqualTo(URI.create("ldaps://ldap.example"));
        assertDefaults(settings);
    }

    @Test
    void anActiveDirectoryLayoutBinds() {
        Map<String, String> properties = new HashMap<>(Map.of(
                "hub.ldap.url", "ldaps://dc1.corp.example",
                "hub.ldap.bind-dn", "CN=svc-hub,OU=Service Accounts,DC=corp,DC=example",
                "hub.ldap.bind-password", "pw",
                "hub.ldap.user-base", "OU=Staff,DC=corp,DC=example",
                "hub.ldap.group-base", "OU=Groups,DC=corp,DC=example",
                "hub.ldap.username-attribute", "sAMAccountName",
                "hub.ldap.user-filter", "(&(objectClass=user)(!(objectClass=computer)))",
                "hub.ldap.disable-attribute", "userAccountControl",
                "hub.ldap.disable-value", "514"));
        properties.put("hub.ldap.group-filter", "(objectClass=group)");
        properties.put("hub.ldap.timeout", "2s");
        properties.put("hub.ldap.pool-size", "8");

        LdapSettings settings = bind(properties);

        assertThat(settings.usernameAttribute()).isEqualTo("sAMAccountName");
        assertThat(settings.disableAttribute()).isEqualTo("userAccountControl");
        assertThat(settings.disableValue()).isEqualTo("514");
        assertThat(settings.groupFilter()).isEqualTo("(objectClass=group)");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.poolSize()).isEqualTo(8);
        assertThat(settings.usesMemberOf()).isTrue();
    }

    @Test
    void aBlankMemberOfAttributeTurnsMemberOfOff() {
        LdapSettings settings = bind(Map.of("hub.ldap.member-of-attribute", ""));

        assertThat(settings.usesMemberOf()).isFalse();
        assertThat(LdapSettings.of(null, null, null, null, null).usesMemberOf()).isTrue();
    }

    @Test
    void toStringNeverShowsTheBindPassword() {
        String text = LdapSettings.of(URL, "cn=hub,dc=example,dc=com", "s3cr3t-Bind!", PEOPLE, GROUPS).toString();

        assertThat(text).doesNotContain("s3cr3t-Bind!").contains("bindPassword=<secret>")
                .contains("bindDn=cn=hub,dc=example,dc=com");
    }

    @Test
    void withoutAUrlLdapIsNotConfiguredAndNoClientCanBeMade() {
        LdapSettings settings = bind(Map.of("hub.ldap.timeout", "3s"));

        assertThat(settings.configured()).isFalse();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThatIllegalStateException().isThrownBy(() -> new UnboundIdDirectoryClient(settings))
                .withMessageContaining("hub.ldap.url");
    }

    @Test
    void aMissingUserBaseIsNamedWhenSpringBinds() {
        assertThatThrownBy(() -> bind(Map.of("hub.ldap.url", "ldap://ldap.example", "hub.ldap.group-base", GROUPS)))
                .isInstanceOf(BindException.class)
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hub.ldap.user-base");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            user base missing        | ldap://ldap.example  |                   | ou=groups,dc=x | cn=hub,dc=x | pw | hub.ldap.user-base
            group base missing       | ldap://ldap.example  | ou=people,dc=x    |                | cn=hub,dc=x | pw | hub.ldap.group-base
            user base not a DN       | ldap://ldap.example  | people            | ou=groups,dc=x | cn=hub,dc=x | pw | hub.ldap.user-base
            bind DN without password | ldap://ldap.example  | ou=people,dc=x    | ou=groups,dc=x | cn=hub,dc=x |    | hub.ldap.bind-password
            password without bind DN | ldap://ldap.example  | ou=people,dc=x    | ou=groups,dc=x |             | pw | hub.ldap.bind-dn
            not an LDAP URL          | https://ldap.example | ou=people,dc=x    | ou=groups,dc=x | cn=hub,dc=x | pw | hub.ldap.url
            """)
    void aConfiguredDirectoryNeedsItsBasesAndAWholeServiceAccount(String description, URI url, String userBase,
            String groupBase, String bindDn, String bindPassword, String property) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LdapSettings.of(url, bindDn, bindPassword, userBase, groupBase))
                .withMessageContaining(property);
    }

    @Test
    void anEmptyBindPasswordIsRefusedBecauseItWouldBindAnonymously() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LdapSettings.of(URL, "cn=hub,dc=example,dc=com", "", PEOPLE, GROUPS))
                .withMessageContaining("hub.ldap.bind-password");
    }

    @Test
    void anonymousServiceAccessIsAllowed() {
        LdapSettings settings = LdapSettings.of(URL, null, null, PEOPLE, GROUPS);

        assertThat(settings.bindDn()).isNull();
        assertThat(settings.toString()).contains("bindPassword=null");
    }

    @Test
    void badFiltersFailAtStartupNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("hub.ldap.user-filter", "(objectClass=inetOrgPerson")))
                .rootCause().hasMessageContaining("hub.ldap.user-filter");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LdapSettings.of(URI.create("ldap://hub:s3cr3t@ldap.example"), "cn=hub,dc=x", "pw",
                        PEOPLE, GROUPS))
                .withMessageNotContaining("s3cr3t");
    }

    @Test
    void startTlsOverLdapsIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LdapSettings.of(URI.create("ldaps://ldap.example"), null, null, PEOPLE, GROUPS)
                        .withStartTls(true))
                .withMessageContaining("hub.ldap.start-tls");
    }

    @Test
    void timeoutAndPoolSizeMustBePositive() {
        assertThatThrownBy(() -> bind(Map.of("hub.ldap.timeout", "0s"))).rootCause()
                .hasMessageContaining("hub.ldap.timeout must be positive");
        assertThatThrownBy(() -> bind(Map.of("hub.ldap.pool-size", "-1"))).rootCause()
                .hasMessageContaining("hub.ldap.pool-size");
    }

    private static void assertDefaults(LdapSettings settings) {
        assertThat(settings.userFilter()).isEqualTo("(objectClass=inetOrgPerson)");
        assertThat(settings.groupFilter()).isEqualTo("(objectClass=groupOfNames)");
        assertThat(settings.usernameAttribute()).isEqualTo("uid");
        assertThat(settings.displayNameAttribute()).isEqualTo("cn");
        assertThat(settings.mailAttribute()).isEqualTo("mail");
        assertThat(settings.mobileAttribute()).isEqualTo("mobile");
        assertThat(settings.managerAttribute()).isEqualTo("manager");
        assertThat(settings.memberOfAttribute()).isEqualTo("memberOf");
        assertThat(settings.groupNameAttribute()).isEqualTo("cn");
        assertThat(settings.groupMemberAttribute()).isEqualTo("member");
        assertThat(settings.disableAttribute()).isEqualTo("pwdAccountLockedTime");
        assertThat(settings.disableValue()).isEqualTo("000001010000Z");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.poolSize()).isEqualTo(4);
        assertThat(settings.startTls()).isFalse();
    }

    private static LdapSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("hub.ldap", LdapSettings.class);
    }
}
