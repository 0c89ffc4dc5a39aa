package io.itsmhub.hub.console.portal;

import io.itsmhub.core.fulfilment.FulfilmentService;
import io.itsmhub.core.fulfilment.FulfilmentView;
import io.itsmhub.core.incident.IncidentFilter;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.RequestView;
import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.common.TicketNotFoundException;
import io.itsmhub.hub.console.ConsoleActions;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My requests": what I ordered and the incidents I raised, and one request's live progress. The progress part is
 * a fragment that the page polls while the request can still move, so the requester never has to reload.
 */
@Controller
class MyRequestsPage {

    private static final PageRequest RECENT = PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "createdAt"));

    private final RequestService requests;
    private final IncidentService incidents;
    private final FulfilmentService fulfilments;
    private final CurrentUser currentUser;

    MyRequestsPage(RequestService requests, IncidentService incidents, FulfilmentService fulfilments,
                   CurrentUser currentUser) {
        this.requests = requests;
        this.incidents = incidents;
        this.fulfilments = fulfilments;
        this.currentUser = currentUser;
    }

    @GetMapping("/portal/requests")
    String list(Model model) {
        String me = currentUser.username();
        model.addAttribute("requests", requests.list(null, me, null, null, RECENT).items());
        model.addAttribute("incidents", incidents.list(
                new IncidentFilter(null, null, null, null, null, null, null, me, null), RECENT).items());
        return "portal/requests";
    }

    @GetMapping("/portal/requests/{number}")
    String request(@PathVariable String number, Model model, java.util.Locale locale) {
        model.addAttribute("progress", progress(number));
        java.util.List<io.itsmhub.core.journal.JournalEntryView> journal = new java.util.ArrayList<>(
                io.itsmhub.core.journal.JournalRenderer.render(requests.journal(number), locale));
        java.util.Collections.reverse(journal);
        model.addAttribute("journal", journal);
        return "portal/request";
    }

    @GetMapping("/portal/requests/{number}/progress")
    String progressFragment(@PathVariable String number, Model model) {
        model.addAttribute("progress", progress(number));
        return "portal/request :: progress";
    }

    @PostMapping("/portal/requests/{number}/cancel")
    String cancel(@PathVariable String number, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, "/portal/requests/" + number, "portal.notice.cancelled",
                () -> requests.cancel(number, reason == null || reason.isBlank() ? null : reason.trim()));
    }

    /** The person a request is for confirms what someone else ordered for them (a password reset). */
    @PostMapping("/portal/requests/{number}/confirm")
    String confirm(@PathVariable String number, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, "/portal/requests/" + number, "portal.notice.confirmed",
                () -> requests.confirm(number, null));
    }

    private RequestProgress progress(String number) {
        RequestView request = requests.get(number);
        return RequestProgress.of(request, fulfilment(number));
    }

    private FulfilmentView fulfilment(String number) {
        try {
            return fulfilments.view(number);
        } catch (TicketNotFoundException noneYet) {
            return null; // not every request is fulfilled by the hub, and none is before its approval
        }
    }
}
