package io.itsmhub.hub.console.agent;

import io.itsmhub.core.fulfilment.FulfilmentService;
import io.itsmhub.core.fulfilment.FulfilmentView;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.RequestStatus;
import io.itsmhub.core.request.RequestView;
import io.itsmhub.core.common.TicketNotFoundException;
import io.itsmhub.hub.console.Me;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import io.itsmhub.core.desk.DeskService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /agent/requests/{number}}: a service request as the fulfilment team works it — facts, the order's form
 * values, approvals, the automated fulfilment step by step (refreshing itself while it runs; retry or cancel once a
 * step failed and the request is on hold), assignment, comments and the journal newest first.
 */
@Controller
class RequestPage {

    /** Fulfilment states in which the hub is still at work, so the page keeps polling. */
    static final Set<String> LIVE = Set.of("RUNNING", "COMPENSATING");

    private final RequestService requests;
    private final FulfilmentService fulfilments;
    private final PeopleService people;
    private final DeskService desks;

    RequestPage(RequestService requests, FulfilmentService fulfilments, PeopleService people, DeskService desks) {
        this.desks = desks;
        this.requests = requests;
        this.fulfilments = fulfilments;
        this.people = people;
    }

    @GetMapping("/agent/requests/{number}")
    String request(@PathVariable String number, @ModelAttribute("me") Me me, Model model, Locale locale) {
        RequestView request = requests.get(number);
        FulfilmentView fulfilment = fulfilment(number);
        model.addAttribute("request", request);
        model.addAttribute("open", !EnumSet.of(RequestStatus.FULFILLED, RequestStatus.REJECTED, RequestStatus.CANCELLED)
                .contains(request.status()));
        model.addAttribute("fulfilment", fulfilment);
        model.addAttribute("live", fulfilment != null && LIVE.contains(fulfilment.state()));
        model.addAttribute("held", fulfilment != null && "HELD".equals(fulfilment.state()));
        model.addAttribute("journal", JournalLine.newestFirst(requests.journal(number), locale));
        model.addAttribute("names", People.displayNames(people));
        model.addAttribute("deskName", desks.label(request.desk()));
        model.addAttribute("groups", people.allGroups());
        model.addAttribute("assignees", People.assignable(people, request.assignmentGroup()));
        model.addAttribute("mine", me.username().equals(request.assignee()));
        return "agent/request";
    }

    /** Null when the request has no automated fulfilment (not approved yet, or an item fulfilled by hand). */
    private FulfilmentView fulfilment(String number) {
        try {
            return fulfilments.view(number);
        } catch (TicketNotFoundException none) {
            return null;
        }
    }
}
