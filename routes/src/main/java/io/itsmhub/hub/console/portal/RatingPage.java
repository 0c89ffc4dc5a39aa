package io.itsmhub.hub.console.portal;

import io.itsmhub.core.satisfaction.SatisfactionService;
import io.itsmhub.hub.console.ConsoleActions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rating a resolved ticket, 1 to 5 with a comment: the requester's word that feeds the dashboard's satisfaction.
 * Who may rate what (only one's own ticket, only once it is resolved, only once) is the satisfaction service's rule.
 */
@Controller
class RatingPage {

    private final SatisfactionService satisfaction;

    RatingPage(SatisfactionService satisfaction) {
        this.satisfaction = satisfaction;
    }

    /** The rating box of a ticket page: the form, or the rating already given. */
    @GetMapping("/portal/tickets/{number}/rating/form")
    String box(@PathVariable String number, Model model) {
        model.addAttribute("number", number);
        model.addAttribute("rating", satisfaction.ratingOf(number).orElse(null));
        model.addAttribute("back", number.startsWith("REQ") ? "/portal/requests/" + number : "/portal/requests");
        return "portal/rating :: box";
    }

    @GetMapping("/portal/tickets/{number}/rating")
    String page(@PathVariable String number, Model model) {
        box(number, model);
        return "portal/rating";
    }

    @PostMapping("/portal/tickets/{number}/rating")
    String rate(@PathVariable String number, @RequestParam(required = false) Integer score,
                @RequestParam(required = false) String comment, RedirectAttributes flash) {
        String back = number.startsWith("REQ") ? "/portal/requests/" + number : "/portal/tickets/" + number + "/rating";
        if (score == null) {
            flash.addFlashAttribute("errorKey", "portal.rate.pickScore");
            return "redirect:" + back;
        }
        return ConsoleActions.perform(flash, back, "portal.rate.thanks",
                () -> satisfaction.rate(number, score, comment == null || comment.isBlank() ? null : comment.trim()));
    }
}
