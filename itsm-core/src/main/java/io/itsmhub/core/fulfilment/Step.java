package io.itsmhub.core.fulfilment;

import java.util.List;

/** The steps of the plans the hub knows; COMPENSATE undoes what a cancelled fulfilment made. */
public enum Step {
    CREATE_VMS, AWAIT_VMS, CONFIGURE, REGISTER, GRANT_ACCESS, RESET_PASSWORD, CLOSE, COMPENSATE;

    static List<Step> plan(String plan) {
        return switch (plan) {
            case "vm" -> List.of(CREATE_VMS, AWAIT_VMS, CONFIGURE, REGISTER, CLOSE);
            case "directory-access" -> List.of(GRANT_ACCESS, CLOSE);
            case "password-reset" -> List.of(RESET_PASSWORD, CLOSE);
            default -> throw new IllegalArgumentException("unknown fulfilment plan '" + plan + "'");
        };
    }
}
