package io.itsmhub.hub.console.release;

import io.itsmhub.core.change.ChangeService;
import io.itsmhub.core.change.ReleaseService;
import io.itsmhub.core.security.Roles;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.hub.console.ConsoleActions;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buttons of a release page. Each carries the role rule of the API endpoint that does the same (
 * ChangeController, ReleaseController), calls the same service, and answers by redirecting back to the page with
 * what happened, or with the service's own words when it refused.
 */
@Controller
@RequestMapping("/releases/{number}")
class ReleaseActions {

    static final int MAX_COMMENT = 10_000;
    static final int MAX_REASON = 4000;

    private final ChangeService changes;
    private final ReleaseService releases;
    private final DeployNow deployNow;
    private final MessageSource messages;

    ReleaseActions(ChangeService changes, ReleaseService releases, DeployNow deployNow, MessageSource messages) {
        this.changes = changes;
        this.releases = releases;
        this.deployNow = deployNow;
        this.messages = messages;
    }

    @PostMapping("/assess")
    @PreAuthorize(Roles.STAFF)
    String assess(@PathVariable String number, RedirectAttributes flash, Locale locale) {
        return done(flash, number, "assessed", locale, () -> changes.assess(number));
    }

    @PostMapping("/authorise")
    @PreAuthorize(Roles.CHANGE_MANAGER)
    String authorise(@PathVariable String number, @RequestParam(required = false) String comment,
                     RedirectAttributes flash, Locale locale) {
        return done(flash, number, "authorised", locale, () -> changes.authorise(number, text("comment", comment, MAX_COMMENT)));
    }

    @PostMapping("/schedule")
    @PreAuthorize(Roles.RELEASE)
    String schedule(@PathVariable String number, RedirectAttributes flash, Locale locale) {
        return done(flash, number, "scheduled", locale, () -> changes.schedule(number, null, null));
    }

    @PostMapping("/deploy")
    @PreAuthorize(Roles.RELEASE)
    String deploy(@PathVariable String number, RedirectAttributes flash, Locale locale) {
        return done(flash, number, "deployed", locale, () -> deployNow.deploy(number));
    }

    @PostMapping("/abort")
    @PreAuthorize(Roles.RELEASE)
    String abort(@PathVariable String number, RedirectAttributes flash, Locale locale) {
        return done(flash, number, "aborted", locale, () -> releases.abort(number));
    }

    @PostMapping("/rollback")
    @PreAuthorize(Roles.RELEASE)
    String rollback(@PathVariable String number, RedirectAttributes flash, Locale locale) {
        return done(flash, number, "rolledBack", locale, () -> releases.rollback(number));
    }

    @PostMapping("/cancel")
    @PreAuthorize(Roles.STAFF)
    String cancel(@PathVariable String number, @RequestParam(required = false) String reason,
                  RedirectAttributes flash, Locale locale) {
        return done(flash, number, "cancelled", locale, () -> changes.cancel(number, text("reason", reason, MAX_REASON)));
    }

    @PostMapping("/close")
    @PreAuthorize(Roles.CHANGE_MANAGER)
    String close(@PathVariable String number, @RequestParam(required = false) String note,
                 RedirectAttributes flash, Locale locale) {
        return done(flash, number, "closed", locale, () -> changes.close(number, text("note", note, MAX_REASON)));
    }

    private String done(RedirectAttributes flash, String number, String what, Locale locale, Runnable action) {
        String notice = messages.getMessage("release.done." + what, new Object[] {number}, locale);
        return ConsoleActions.perform(flash, "/releases/" + number, notice, action);
    }

    /** Blank means none; the API's own size limits apply, checked inside the action so the page shows them. */
    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw InvalidInputException.of(field, "at most " + max + " characters");
        }
        return value.strip();
    }
}
