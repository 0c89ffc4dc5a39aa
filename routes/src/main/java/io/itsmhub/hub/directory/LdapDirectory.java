package io.itsmhub.hub.directory;

import io.itsmhub.connectors.ldap.DirectoryClient;
import io.itsmhub.connectors.ldap.DirectoryGroup;
import io.itsmhub.connectors.ldap.DirectoryUser;
import io.itsmhub.core.people.DirectoryAccount;
import io.itsmhub.core.people.DirectorySync;
import io.itsmhub.core.people.DirectorySyncReport;
import io.itsmhub.core.people.DirectorySyncTrigger;
import io.itsmhub.core.security.DirectoryAuthenticator;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/** The record's view of the LDAP directory: logins by bind, and syncs of everyone. */
@Component
@ConditionalOnExpression(LdapConfig.CONFIGURED)
class LdapDirectory implements DirectoryAuthenticator, DirectorySyncTrigger {

    private final DirectoryClient directory;
    private final DirectorySync sync;

    LdapDirectory(DirectoryClient directory, DirectorySync sync) {
        this.directory = directory;
        this.sync = sync;
    }

    @Override
    public Optional<DirectoryAccount> authenticate(String username, String password) {
        return directory.authenticate(username, password).map(LdapDirectory::account);
    }

    /** Reads the whole directory first, then writes it in one transaction: a directory outage changes nothing. */
    @Override
    public DirectorySyncReport syncNow(String triggeredBy) {
        List<DirectoryAccount> users = directory.users().stream().map(LdapDirectory::account).toList();
        List<String> groups = directory.groups().stream().map(DirectoryGroup::name).toList();
        return sync.syncAll(users, groups, triggeredBy);
    }

    private static DirectoryAccount account(DirectoryUser u) {
        return new DirectoryAccount(u.username(), u.displayName(), u.mail(), u.mobile(), u.manager(), u.groups(), u.disabled());
    }
}
