package io.itsmhub.hub.console.release;

import io.itsmhub.core.change.ChangeView;
import java.util.List;

/** One line of the release list: the change, its targets by name and its latest pipeline run (null before any). */
record ReleaseRow(ChangeView change, List<TargetCi> targets, RunLine latest) {

    static ReleaseRow of(ChangeView change, List<TargetCi> targets) {
        RunLine latest = change.runs().isEmpty() ? null : new RunLine(change.runs().get(change.runs().size() - 1));
        return new ReleaseRow(change, targets, latest);
    }
}
