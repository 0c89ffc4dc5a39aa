package io.itsmhub.hub.console.release;

import io.itsmhub.core.change.ChangeService;
import io.itsmhub.core.change.ChangeView;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.security.Roles;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The release list: release changes grouped by their deployment window (open now, upcoming, past, not planned
 * yet), each group in the order its windows start, the past ones most recent first. The tabs narrow it to the
 * open or the upcoming windows.
 */
@Controller
class ReleasesPage {

    /** The most recent changes looked at; the core's change list has no "has a pipeline" filter. */
    static final int RECENT = 500;

    enum Tab {
        ALL, OPEN, UPCOMING;

        static Tab of(String value) {
            for (Tab tab : values()) {
                if (tab.name().equalsIgnoreCase(value)) {
                    return tab;
                }
            }
            return ALL;
        }

        boolean shows(DeploymentWindow window) {
            return this == ALL || this == OPEN && window == DeploymentWindow.OPEN
                    || this == UPCOMING && window == DeploymentWindow.UPCOMING;
        }

        public String slug() {
            return name().toLowerCase();
        }
    }

    private final ChangeService changes;
    private final CmdbService cmdb;
    private final Clock clock;

    ReleasesPage(ChangeService changes, CmdbService cmdb, Clock clock) {
        this.changes = changes;
        this.cmdb = cmdb;
        this.clock = clock;
    }

    @GetMapping("/releases")
    @PreAuthorize(Roles.STAFF)
    String releases(@RequestParam(defaultValue = "all") String tab, Model model) {
        Tab shown = Tab.of(tab);
        Instant now = clock.instant();
        Map<String, TargetCi> names = new HashMap<>();
        Map<DeploymentWindow, List<ChangeView>> byWindow = changes
                .list(null, null, null, null, PageRequest.of(0, RECENT, Sort.by(Sort.Direction.DESC, "createdAt")))
                .items().stream()
                .filter(c -> c.pipeline() != null)
                .collect(Collectors.groupingBy(c -> DeploymentWindow.of(c, now),
                        () -> new EnumMap<>(DeploymentWindow.class), Collectors.toList()));
        Map<DeploymentWindow, List<ReleaseRow>> sections = new EnumMap<>(DeploymentWindow.class);
        for (DeploymentWindow window : DeploymentWindow.values()) {
            List<ChangeView> releases = byWindow.getOrDefault(window, List.of());
            if (shown.shows(window) && (window != DeploymentWindow.UNPLANNED || !releases.isEmpty())) {
                sections.put(window, releases.stream().sorted(order(window))
                        .map(c -> ReleaseRow.of(c, c.targetCis().stream().sorted()
                                .map(t -> TargetCi.resolve(t, cmdb, names)).toList()))
                        .toList());
            }
        }
        model.addAttribute("tab", shown.slug());
        model.addAttribute("tabs", Tab.values());
        model.addAttribute("sections", sections);
        return "release/list";
    }

    private static Comparator<ChangeView> order(DeploymentWindow window) {
        return switch (window) {
            case OPEN, UPCOMING -> Comparator.comparing(ChangeView::plannedStart).thenComparing(ChangeView::number);
            case PAST -> Comparator.comparing(ChangeView::plannedStart).reversed().thenComparing(ChangeView::number);
            case UNPLANNED -> Comparator.comparing(ChangeView::createdAt).reversed();
        };
    }
}
