package io.itsmhub.core.people;

import java.util.Set;

/** A user as the directory (LDAP) describes them; {@code manager} and {@code groups} are names, not DNs. */
public record DirectoryAccount(String username, String displayName, String email, String phone, String manager,
                               Set<String> groups, boolean disabled) { }
