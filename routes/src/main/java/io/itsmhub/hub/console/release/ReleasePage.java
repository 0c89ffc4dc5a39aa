package io.itsmhub.hub.console.release;

import io.itsmhub.core.change.ChangeService;
import io.itsmhub.core.change.ChangeStatus;
import io.itsmhub.core.change.ChangeView;
import io.itsmhub.core.change.ReleaseSettings;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.incident.IncidentFilter;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.journal.JournalRenderer;
import io.itsmhub.core.security.Roles;
import io.itsmhub.hub.console.Me;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One release change: its facts, window and targets, the actions open to the viewer, and the live part (status,
 * pipeline runs with their progress, the post-release incidents; the journal comes along out of band) that the
 * page polls as a fragment every two seconds while a run is not finished, and renders without the poll once
 * nothing runs.
 */
@Controller
class ReleasePage {

    /** The post-release list: incidents that name this change; the most recent ones. */
    static final int INCIDENTS = 50;

    private final ChangeService changes;
    private final IncidentService incidents;
    private final CmdbService cmdb;
    private final ReleaseSettings settings;
    private final Clock clock;

    ReleasePage(ChangeService changes, IncidentService incidents, CmdbService cmdb, ReleaseSettings settings, Clock clock) {
        this.changes = changes;
        this.incidents = incidents;
        this.cmdb = cmdb;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/releases/{number}")
    @PreAuthorize(Roles.STAFF)
    String page(@PathVariable String number, @ModelAttribute("me") Me me, Model model) {
        ChangeView change = live(number, model);
        DeploymentWindow window = DeploymentWindow.of(change, clock.instant());
        Map<String, TargetCi> seen = new HashMap<>();
        model.addAttribute("targets", change.targetCis().stream().sorted().map(t -> TargetCi.resolve(t, cmdb, seen)).toList());
        model.addAttribute("window", window);
        model.addAttribute("decisions", ChangeActions.of(change, me, window, (RunActions) model.getAttribute("runActions")));
        model.addAttribute("autoStart", settings.autoStart());
        return "release/page";
    }

    /** The part of the page that changes while the pipeline runs, with the journal to swap in out of band. */
    @GetMapping("/releases/{number}/live")
    @PreAuthorize(Roles.STAFF)
    String fragment(@PathVariable String number, Model model) {
        live(number, model);
        model.addAttribute("oob", true);
        return "release/live";
    }

    private ChangeView live(String number, Model model) {
        ChangeView change = changes.get(number);
        List<RunLine> runs = change.runs().stream().map(RunLine::new).toList();
        // in the language the console resolved for this request (the page and its live fragment alike)
        List<JournalEntryView> journal = new ArrayList<>(JournalRenderer.render(changes.journal(number),
                LocaleContextHolder.getLocale()));
        Collections.reverse(journal);
        model.addAttribute("change", change);
        model.addAttribute("runs", runs);
        model.addAttribute("running", runs.stream().anyMatch(r -> !r.finished()));
        model.addAttribute("runActions", RunActions.of(change, runs, DeploymentWindow.of(change, clock.instant())));
        model.addAttribute("incidents", incidents.list(new IncidentFilter(null, null, null, null, null, null, null, null,
                number), PageRequest.of(0, INCIDENTS, Sort.by(Sort.Direction.DESC, "createdAt"))).items());
        model.addAttribute("journal", journal);
        model.addAttribute("statusBadge", statusBadge(change));
        return change;
    }

    private static String statusBadge(ChangeView change) {
        if (change.outcome() != null) {
            return switch (change.outcome()) {
                case SUCCESSFUL -> "ok";
                case FAILED -> "bad";
                case CANCELLED -> "";
            };
        }
        return change.status() == ChangeStatus.IMPLEMENTING ? "run" : "";
    }
}
