package io.itsmhub.hub.console;

import io.itsmhub.core.common.ForbiddenActionException;
import io.itsmhub.core.common.TicketNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Console pages answer errors as readable pages, not as the API's problem+json (whose handler would otherwise
 * catch them first): a missing ticket, a page the user's role does not open, and anything unexpected.
 */
@ControllerAdvice(basePackages = "io.itsmhub.hub.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(TicketNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(TicketNotFoundException e, Model model) {
        model.addAttribute("status", 404);
        model.addAttribute("message", e.getMessage());
        return "denied";
    }

    @ExceptionHandler({AccessDeniedException.class, ForbiddenActionException.class})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(RuntimeException e, Model model) {
        model.addAttribute("status", 403);
        model.addAttribute("message", e instanceof ForbiddenActionException ? e.getMessage() : null);
        return "denied";
    }

    @ExceptionHandler(Exception.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    String unexpected(Exception e, Model model) {
        log.error("console page failed", e);
        model.addAttribute("status", 500);
        return "denied";
    }
}
