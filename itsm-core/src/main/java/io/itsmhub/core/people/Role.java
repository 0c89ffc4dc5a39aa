package io.itsmhub.core.people;

import java.util.Arrays;

/** The hub's roles. {@link #id()} is the name users see and configure; the Spring authority is ROLE_ + enum name. */
public enum Role {
    REQUESTER("requester"),
    AGENT("agent"),
    CHANGE_MANAGER("change-manager"),
    RELEASE_MANAGER("release-manager"),
    ADMIN("admin"),
    /** Reads the hub's metrics (actuator, Prometheus) and nothing else: for dashboards and scrapers. */
    MONITORING("monitoring");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() { return id; }

    public String authority() { return "ROLE_" + name(); }

    public static Role fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id) || r.name().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + id + "'"));
    }
}
