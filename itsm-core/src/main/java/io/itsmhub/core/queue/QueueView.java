package io.itsmhub.core.queue;

import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.core.request.RequestView;
import io.itsmhub.core.common.PageView;
import io.itsmhub.core.ticket.WorkQueue;

/** One work queue: its first incidents and requests in working order; each page's totalItems counts the whole queue. */
public record QueueView(WorkQueue queue, PageView<IncidentView> incidents, PageView<RequestView> requests) {

    public long total() {
        return incidents.totalItems() + requests.totalItems();
    }
}
