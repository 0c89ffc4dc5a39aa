package io.itsmhub.core.change;

import io.itsmhub.core.change.ReleaseEvents.ChangeSuspected;
import io.itsmhub.core.cmdb.CiView;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The post-release watch: an incident that monitoring raises on a CI a change has just deployed to (or on a CI
 * that needs one of those) is linked to that change as its possible cause, and the change's owner is told.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ReleaseWatch {

    private final ReleaseRunRepository runs;
    private final ChangeRepository changes;
    private final CmdbService cmdb;
    private final IncidentService incidents;
    private final Journal journal;
    private final Outbox outbox;
    private final ReleaseSettings settings;
    private final Clock clock;

    ReleaseWatch(ReleaseRunRepository runs, ChangeRepository changes, CmdbService cmdb, IncidentService incidents,
                 Journal journal, Outbox outbox, ReleaseSettings settings, Clock clock) {
        this.runs = runs;
        this.changes = changes;
        this.cmdb = cmdb;
        this.incidents = incidents;
        this.journal = journal;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Links {@code incident} (raised on {@code ci}) to the most recent deployment that touched it; the change's number. */
    public Optional<String> linkSuspect(String incident, String ci) {
        if (ci == null || settings.watchWindow().isZero()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<ReleaseRun> watched = runs.watchedSince(now.minus(settings.watchWindow()));
        if (watched.isEmpty()) {
            return Optional.empty(); // the usual case: no CMDB walk for an alert when nothing was deployed lately
        }
        Set<String> affected = new HashSet<>(Set.of(ci));
        cmdb.dependencies(ci).stream().map(CiView::number).forEach(affected::add);
        return watched.stream()
                .sorted(Comparator.comparing(ReleaseRun::getRequestedAt).reversed())
                .map(run -> changes.findByNumber(run.getChangeNumber()).orElseThrow())
                .filter(change -> change.getTargetCis().stream().anyMatch(affected::contains))
                .findFirst()
                .map(change -> link(change, incident, ci, now));
    }

    private String link(Change change, String incident, String ci, Instant now) {
        String number = change.getNumber();
        ReleaseRun deploy = runs.findByChangeNumberAndKind(number, RunKind.DEPLOY).orElseThrow();
        if (deploy.getFinishedAt() == null) {
            incidents.linkChange(incident, number, JournalMessage.of(JournalKeys.INCIDENT_CHANGE_SUSPECTED_DURING, number, ci));
            journal.note(number, ReleaseService.SYSTEM, JournalMessage.of(JournalKeys.CHANGE_SUSPECTED_DURING, incident, ci));
        } else {
            String after = ReleaseRunView.human(Duration.between(deploy.getFinishedAt(), now));
            incidents.linkChange(incident, number,
                    JournalMessage.of(JournalKeys.INCIDENT_CHANGE_SUSPECTED_AFTER, number, ci, after));
            journal.note(number, ReleaseService.SYSTEM,
                    JournalMessage.of(JournalKeys.CHANGE_SUSPECTED_AFTER, incident, ci, after));
        }
        String owner = change.getAssignee() != null ? change.getAssignee() : change.getRequestedBy();
        outbox.publish(number, new ChangeSuspected(number, incident, ci, owner));
        return number;
    }
}
