package io.itsmhub.hub.console;

import io.itsmhub.core.common.ConflictException;
import io.itsmhub.core.common.ForbiddenActionException;
import io.itsmhub.core.ticket.IllegalTransitionException;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.TicketNotFoundException;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a button's action and redirects back to the page it came from (post/redirect/get), with the outcome as a
 * flash message: "notice" when it worked (a message key, or text shown as it is), "error" in the rule's own words when a service refused it. A refused
 * action loses nothing: the page shows the ticket as it still is.
 */
public final class ConsoleActions {

    private ConsoleActions() { }

    public static String perform(RedirectAttributes flash, String back, String notice, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", notice);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.errors().stream().map(f -> f.field() + ": " + f.message())
                    .collect(Collectors.joining("; ")));
        } catch (IllegalTransitionException | ConflictException | ForbiddenActionException | TicketNotFoundException e) {
            flash.addFlashAttribute("error", e.getMessage());
        } catch (AccessDeniedException e) {
            flash.addFlashAttribute("errorKey", "console.denied");
        }
        return "redirect:" + back;
    }
}
