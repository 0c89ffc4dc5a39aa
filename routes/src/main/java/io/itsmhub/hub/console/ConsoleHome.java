package io.itsmhub.hub.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** The front door: the login page, the "not allowed" page, and {@code /} sending each user to their main page. */
@Controller
class ConsoleHome {

    @GetMapping("/")
    String home(@ModelAttribute("me") Me me) {
        if (me == null) {
            return "redirect:/login";
        }
        if (me.agent()) {
            return "redirect:/agent";
        }
        if (me.releaseManager()) {
            return "redirect:/releases";
        }
        return "redirect:/portal";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Any method: Spring Security forwards the refused request itself here, a POST as a POST (a missing CSRF token). */
    @RequestMapping("/console/denied")
    String denied(Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        return "denied";
    }
}
