package io.itsmhub.hub.console.agent;

import io.itsmhub.core.cmdb.CiView;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.common.TicketNotFoundException;
import java.util.List;

/** The CI an incident affects, with what it needs (dependencies) and what needs it (dependents), and its service. */
record LinkedCis(CiView affected, List<CiView> dependencies, List<CiView> dependents, CiView service) {

    static LinkedCis of(CmdbService cmdb, String affectedCi, String serviceCi) {
        CiView affected = find(cmdb, affectedCi);
        return new LinkedCis(affected,
                affected == null ? List.of() : cmdb.dependencies(affected.number()),
                affected == null ? List.of() : cmdb.dependents(affected.number()),
                find(cmdb, serviceCi));
    }

    public boolean any() {
        return affected != null || service != null;
    }

    /** A CI removed from the CMDB after the incident named it: the page still shows the number. */
    private static CiView find(CmdbService cmdb, String number) {
        if (number == null) {
            return null;
        }
        try {
            return cmdb.get(number);
        } catch (TicketNotFoundException gone) {
            return null;
        }
    }
}
