package io.itsmhub.connectors.alertmanager;

import java.util.Map;

/**
 * One silence as Alertmanager holds it.
 *
 * @param id            the silence's id
 * @param state         {@code active}, {@code pending} or {@code expired}
 * @param createdBy     who made it
 * @param comment       why
 * @param equalMatchers its {@code name="value"} equality matchers (regex or negative matchers are left out)
 */
public record SilenceState(String id, String state, String createdBy, String comment, Map<String, String> equalMatchers) {

    public static final String ACTIVE = "active";

    public SilenceState {
        equalMatchers = Map.copyOf(equalMatchers);
    }

    public boolean isActive() {
        return ACTIVE.equals(state);
    }
}
