package io.itsmhub.hub.console.release;

import io.itsmhub.core.change.ChangeService;
import io.itsmhub.core.change.ChangeView;
import io.itsmhub.core.change.ReleaseWindow;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.security.Roles;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Releases shown per section (the core orders each: open and upcoming soonest first, past latest first). */
    static final int PER_SECTION = 100;

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

    ReleasesPage(ChangeService changes, CmdbService cmdb) {
        this.changes = changes;
        this.cmdb = cmdb;
    }

    @GetMapping("/releases")
    @PreAuthorize(Roles.STAFF)
    String releases(@RequestParam(defaultValue = "all") String tab, Model model) {
        Tab shown = Tab.of(tab);
        Map<String, TargetCi> names = new HashMap<>();
        Map<DeploymentWindow, List<ReleaseRow>> sections = new EnumMap<>(DeploymentWindow.class);
        for (DeploymentWindow window : DeploymentWindow.values()) {
            if (!shown.shows(window)) {
                continue;
            }
            List<ChangeView> releases = changes.releases(ReleaseWindow.valueOf(window.name()), PER_SECTION).items();
            if (window != DeploymentWindow.UNPLANNED || !releases.isEmpty()) {
                sections.put(window, releases.stream().map(c -> ReleaseRow.of(c, c.targetCis().stream().sorted()
                        .map(t -> TargetCi.resolve(t, cmdb, names)).toList())).toList());
            }
        }
        model.addAttribute("tab", shown.slug());
        model.addAttribute("tabs", Tab.values());
        model.addAttribute("sections", sections);
        return "release/list";
    }
}
