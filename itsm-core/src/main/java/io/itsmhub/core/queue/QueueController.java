package io.itsmhub.core.queue;

import io.itsmhub.core.security.Roles;
import io.itsmhub.core.ticket.WorkQueue;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class QueueController {

    private final WorkQueues queues;

    QueueController(WorkQueues queues) {
        this.queues = queues;
    }

    /** {@code GET /api/v1/queues/unassigned?size=50}: mine, groups, unassigned or breaching, for the caller. */
    @GetMapping("/api/v1/queues/{queue}")
    @PreAuthorize(Roles.AGENT)
    QueueView queue(@PathVariable String queue, @RequestParam(defaultValue = "50") int size) {
        return queues.queue(WorkQueue.fromParam(queue), size);
    }
}
