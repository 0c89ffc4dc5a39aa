package io.itsmhub.hub.console;

import java.util.Set;

/** Who is looking at the page and what the page may offer them; the services still check every action. */
public record Me(String username, String displayName, Set<String> roles) {

    public boolean staff() {
        return agent() || changeManager() || releaseManager();
    }

    public boolean agent() {
        return roles.contains("AGENT") || admin();
    }

    public boolean changeManager() {
        return roles.contains("CHANGE_MANAGER") || admin();
    }

    public boolean releaseManager() {
        return roles.contains("RELEASE_MANAGER") || changeManager();
    }

    public boolean admin() {
        return roles.contains("ADMIN");
    }
}
