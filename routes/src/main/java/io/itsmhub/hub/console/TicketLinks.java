package io.itsmhub.hub.console;

import io.itsmhub.core.common.TicketNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /t/{number}}: the one address of a ticket that the hub writes into mails, SMS and chat. It opens the page
 * that fits whoever follows it — an agent gets the ticket view, a requester their progress page, a release manager
 * the release view — after a login if needed (the login returns here).
 */
@Controller
class TicketLinks {

    @GetMapping("/t/{number}")
    String open(@PathVariable String number, @ModelAttribute("me") Me me) {
        String prefix = number.contains("-") ? number.substring(0, number.indexOf('-')) : "";
        return "redirect:" + switch (prefix) {
            case "INC" -> me.agent() ? "/agent/incidents/" + number : "/portal/requests";
            case "REQ" -> me.agent() ? "/agent/requests/" + number : "/portal/requests/" + number;
            case "CHG" -> me.releaseManager() ? "/releases/" + number : "/api/v1/changes/" + number;
            case "CI" -> "/cmdb/" + number;
            case "PRB" -> "/api/v1/problems/" + number;
            default -> throw new TicketNotFoundException("ticket", number);
        };
    }
}
