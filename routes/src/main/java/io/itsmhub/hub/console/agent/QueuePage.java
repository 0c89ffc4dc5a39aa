package io.itsmhub.hub.console.agent;

import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.queue.QueueView;
import io.itsmhub.core.queue.WorkQueues;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /agent}: the queues as tabs over the open incidents and service requests, counted and ordered by the core.
 * The page refreshes its queue every 15 s (htmx), so a new alert's incident shows up without a reload.
 */
@Controller
class QueuePage {

    private final WorkQueues workQueues;
    private final PeopleService people;
    private final Clock clock;

    QueuePage(WorkQueues workQueues, PeopleService people, Clock clock) {
        this.workQueues = workQueues;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/agent")
    String queues(@RequestParam(name = "queue", required = false) String queue, Model model) {
        Queues.Queue shown = Queues.Queue.fromParam(queue);
        Map<Queues.Queue, Long> counts = new EnumMap<>(Queues.Queue.class);
        List<QueueRow> rows = new ArrayList<>();
        boolean cutShort = false;
        for (Queues.Queue tab : Queues.Queue.values()) {
            QueueView view = workQueues.queue(tab.work(), tab == shown ? WorkQueues.MAX_SIZE : 1);
            counts.put(tab, view.total());
            if (tab == shown) {
                view.incidents().items().forEach(i -> rows.add(QueueRow.of(i)));
                view.requests().items().forEach(r -> rows.add(QueueRow.of(r)));
                cutShort = view.total() > rows.size();
            }
        }
        model.addAttribute("queues", Queues.of(shown, counts, rows, cutShort));
        model.addAttribute("tabs", Queues.Queue.values());
        model.addAttribute("shown", shown);
        model.addAttribute("now", clock.instant());
        model.addAttribute("names", People.displayNames(people));
        model.addAttribute("openLimit", WorkQueues.MAX_SIZE);
        model.addAttribute("cutShort", cutShort);
        return "agent/queue";
    }
}
