package io.itsmhub.core.queue;

import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.ticket.WorkQueue;
import org.springframework.stereotype.Service;

/** The caller's work queues over incidents and service requests. */
@Service
public class WorkQueues {

    /** At most this many tickets of each type per queue in one answer; the totals still count them all. */
    public static final int MAX_SIZE = 200;

    private final IncidentService incidents;
    private final RequestService requests;

    public WorkQueues(IncidentService incidents, RequestService requests) {
        this.incidents = incidents;
        this.requests = requests;
    }

    public QueueView queue(WorkQueue queue, int size) {
        int bounded = Math.max(1, Math.min(size, MAX_SIZE));
        return new QueueView(queue, incidents.queue(queue, bounded), requests.queue(queue, bounded));
    }
}
