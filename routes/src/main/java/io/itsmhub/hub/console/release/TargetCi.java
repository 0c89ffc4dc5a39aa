package io.itsmhub.hub.console.release;

import io.itsmhub.core.cmdb.CiView;
import io.itsmhub.core.cmdb.CmdbService;
import java.util.Map;
import java.util.Optional;

/** A change's target as the page shows it: the CI's name with a link to its page when the CMDB knows it. */
record TargetCi(String label, String number) {

    public boolean linked() {
        return number != null;
    }

    /**
     * Targets are stored as CI numbers (the core checks them on creation); a name, as older or hand-made changes
     * may carry, is looked up too. What the CMDB does not know is shown as written.
     */
    static TargetCi resolve(String target, CmdbService cmdb, Map<String, TargetCi> seen) {
        return seen.computeIfAbsent(target, t -> {
            Optional<CiView> ci = cmdb.exists(t) ? Optional.of(cmdb.get(t)) : cmdb.findByName(t);
            return ci.map(c -> new TargetCi(c.name(), c.number())).orElse(new TargetCi(t, null));
        });
    }
}
