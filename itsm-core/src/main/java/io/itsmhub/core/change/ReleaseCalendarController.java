package io.itsmhub.core.change;

import io.itsmhub.core.security.Roles;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.PageView;
import java.util.Arrays;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The release calendar: release changes by where their deployment window stands now. */
@RestController
class ReleaseCalendarController {

    private final ChangeService changes;

    ReleaseCalendarController(ChangeService changes) {
        this.changes = changes;
    }

    /** {@code GET /api/v1/releases?window=open|upcoming|past|unplanned&size=50}. */
    @GetMapping("/api/v1/releases")
    @PreAuthorize(Roles.STAFF)
    PageView<ChangeView> releases(@RequestParam(defaultValue = "upcoming") String window,
                                  @RequestParam(defaultValue = "50") int size) {
        ReleaseWindow asked = Arrays.stream(ReleaseWindow.values()).filter(w -> w.name().equalsIgnoreCase(window))
                .findFirst().orElseThrow(() -> InvalidInputException.of("window", "must be one of open, upcoming, past, unplanned"));
        return changes.releases(asked, size);
    }
}
