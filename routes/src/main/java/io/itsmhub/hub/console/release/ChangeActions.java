package io.itsmhub.hub.console.release;

import io.itsmhub.core.change.ChangeView;
import io.itsmhub.hub.console.Me;
import java.util.List;

/**
 * The decisions on a change, apart from the pipeline buttons, that its state (the core's allowedActions) and the
 * viewer's role (the same rules as the handlers' @PreAuthorize) offer. {@code ownChange}: the viewer could
 * authorise it but requested it, which the core refuses, so the page says why instead of offering the button.
 */
record ChangeActions(boolean assess, boolean authorise, boolean ownChange, boolean schedule, boolean close,
                     boolean cancel) {

    static ChangeActions of(ChangeView change, Me me, DeploymentWindow window, RunActions run) {
        List<String> allowed = change.allowedActions();
        boolean authorisable = allowed.contains("authorise") && me.changeManager();
        boolean own = me.username().equals(change.requestedBy());
        boolean schedule = allowed.contains("schedule") && me.releaseManager() && window != DeploymentWindow.PAST
                && window != DeploymentWindow.UNPLANNED && !run.deploy();
        return new ChangeActions(allowed.contains("assess") && me.staff(), authorisable && !own, authorisable && own,
                schedule, allowed.contains("close") && me.changeManager(), allowed.contains("cancel") && me.staff());
    }

    public boolean any() {
        return assess || authorise || ownChange || schedule || close || cancel;
    }
}
