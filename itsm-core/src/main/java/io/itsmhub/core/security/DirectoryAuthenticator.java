package io.itsmhub.core.security;

import io.itsmhub.core.people.DirectoryAccount;
import java.util.Optional;

/** Checks a username and password against the directory (LDAP bind); empty when the directory says no. */
public interface DirectoryAuthenticator {

    Optional<DirectoryAccount> authenticate(String username, String password);
}
