package io.itsmhub.hub.console.release;

import io.itsmhub.core.change.ChangeStatus;
import io.itsmhub.core.change.ChangeView;
import java.util.List;

/**
 * Which pipeline buttons the change's state offers (the viewer's role is checked by the template and, again, by
 * the handlers and the services): deploy once inside an open window, abort what runs, roll back a failed
 * deployment once.
 */
record RunActions(boolean deploy, boolean abort, boolean rollback) {

    static RunActions of(ChangeView change, List<RunLine> runs, DeploymentWindow window) {
        boolean deployed = runs.stream().anyMatch(RunLine::deploy);
        boolean deploy = change.pipeline() != null && !deployed && window == DeploymentWindow.OPEN
                && (change.status() == ChangeStatus.AUTHORISED || change.status() == ChangeStatus.SCHEDULED);
        boolean abort = runs.stream().anyMatch(r -> !r.finished());
        boolean deployFailed = runs.stream().anyMatch(r -> r.deploy() && r.finished() && !r.succeeded());
        boolean rolledBack = runs.stream().anyMatch(r -> !r.deploy());
        boolean rollback = change.rollbackPipeline() != null && deployFailed && !rolledBack;
        return new RunActions(deploy, abort, rollback);
    }

    public boolean any() {
        return deploy || abort || rollback;
    }
}
