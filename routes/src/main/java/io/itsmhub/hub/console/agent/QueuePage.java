package io.itsmhub.hub.console.agent;

import io.itsmhub.core.incident.IncidentFilter;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.incident.IncidentStatus;
import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.RequestStatus;
import io.itsmhub.core.request.RequestView;
import io.itsmhub.core.ticket.PageView;
import io.itsmhub.hub.console.Me;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /agent}: the queues as tabs over the open incidents and service requests. The page refreshes its queue
 * every 15 s (htmx), so a new alert's incident shows up without a reload.
 */
@Controller
class QueuePage {

    /** Open tickets read per type (newest first); beyond that the page says the queues are cut short. */
    static final int OPEN_LIMIT = 500;

    static final List<IncidentStatus> OPEN_INCIDENTS =
            Arrays.stream(IncidentStatus.values()).filter(IncidentStatus::isOpen).toList();
    static final List<RequestStatus> OPEN_REQUESTS = List.of(RequestStatus.SUBMITTED, RequestStatus.AWAITING_APPROVAL,
            RequestStatus.APPROVED, RequestStatus.IN_FULFILMENT, RequestStatus.ON_HOLD);

    private final IncidentService incidents;
    private final RequestService requests;
    private final PeopleService people;
    private final Clock clock;

    QueuePage(IncidentService incidents, RequestService requests, PeopleService people, Clock clock) {
        this.incidents = incidents;
        this.requests = requests;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/agent")
    String queues(@RequestParam(name = "queue", required = false) String queue, @ModelAttribute("me") Me me, Model model) {
        PageRequest newest = PageRequest.of(0, OPEN_LIMIT, Sort.by(Sort.Direction.DESC, "createdAt"));
        PageView<IncidentView> openIncidents = incidents.list(new IncidentFilter(OPEN_INCIDENTS, null, null, null, null,
                null, null, null, null), newest);
        PageView<RequestView> openRequests = requests.list(OPEN_REQUESTS, null, null, null, newest);
        List<QueueRow> open = new ArrayList<>();
        openIncidents.items().forEach(i -> open.add(QueueRow.of(i)));
        openRequests.items().forEach(r -> open.add(QueueRow.of(r)));
        Set<String> myGroups = People.groupsOf(people, me.username());
        Instant now = clock.instant();
        Queues.Queue shown = Queues.Queue.fromParam(queue);
        model.addAttribute("queues", Queues.of(open, me.username(), myGroups, now));
        model.addAttribute("tabs", Queues.Queue.values());
        model.addAttribute("shown", shown);
        model.addAttribute("now", now);
        model.addAttribute("names", People.displayNames(people));
        model.addAttribute("openLimit", OPEN_LIMIT);
        model.addAttribute("cutShort", openIncidents.totalItems() > OPEN_LIMIT || openRequests.totalItems() > OPEN_LIMIT);
        return "agent/queue";
    }
}
