package io.itsmhub.hub.console.agent;

import io.itsmhub.core.ticket.WorkQueue;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The agent's four queues as tabs: the count of each (from the database, all of them) and the shown queue's first
 * incidents and requests merged into one list in working order — the most urgent priority first, or, when
 * breaching, the earliest target first. Which ticket belongs to which queue is the core's {@link WorkQueue}.
 */
record Queues(Queue shown, Map<Queue, Long> counts, List<QueueRow> rows, boolean cutShort) {

    enum Queue {
        MINE, GROUPS, UNASSIGNED, BREACHING;

        public String slug() {
            return name().toLowerCase();
        }

        WorkQueue work() {
            return WorkQueue.valueOf(name());
        }

        static Queue fromParam(String param) {
            for (Queue q : values()) {
                if (q.slug().equals(param)) {
                    return q;
                }
            }
            return MINE;
        }
    }

    private static final Comparator<Instant> DUE_FIRST = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<QueueRow> BY_DUE = Comparator.comparing(QueueRow::resolutionDue, DUE_FIRST);
    private static final Comparator<QueueRow> BY_PRIORITY = Comparator.comparing(QueueRow::priority).thenComparing(BY_DUE)
            .thenComparing(QueueRow::createdAt);

    static Queues of(Queue shown, Map<Queue, Long> counts, List<QueueRow> rows, boolean cutShort) {
        Comparator<QueueRow> order = shown == Queue.BREACHING ? BY_DUE.thenComparing(QueueRow::priority) : BY_PRIORITY;
        return new Queues(shown, Map.copyOf(counts), rows.stream().sorted(order).toList(), cutShort);
    }

    public List<QueueRow> get(Queue queue) {
        return queue == shown ? rows : List.of();
    }

    public long count(Queue queue) {
        return counts.getOrDefault(queue, 0L);
    }
}
