package io.itsmhub.hub.console.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The four queues an agent works from, cut out of the open tickets: mine, my groups', nobody's, and those whose
 * resolution target has passed or comes within {@link #SOON} (most urgent first). The others are sorted by
 * priority, then by how soon their target comes.
 */
record Queues(Map<Queue, List<QueueRow>> rows) {

    static final Duration SOON = Duration.ofHours(2);

    enum Queue {
        MINE, GROUPS, UNASSIGNED, BREACHING;

        public String slug() {
            return name().toLowerCase();
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

    static Queues of(List<QueueRow> open, String me, Set<String> myGroups, Instant now) {
        Instant soon = now.plus(SOON);
        Map<Queue, List<QueueRow>> rows = new EnumMap<>(Queue.class);
        rows.put(Queue.MINE, cut(open, r -> me.equals(r.assignee()), BY_PRIORITY));
        rows.put(Queue.GROUPS, cut(open, r -> r.group() != null && myGroups.contains(r.group()), BY_PRIORITY));
        rows.put(Queue.UNASSIGNED, cut(open, r -> r.assignee() == null, BY_PRIORITY));
        rows.put(Queue.BREACHING, cut(open, r -> r.resolutionDue() != null
                && (r.slaBreached() || !r.resolutionDue().isAfter(soon)), BY_DUE.thenComparing(QueueRow::priority)));
        return new Queues(rows);
    }

    public List<QueueRow> get(Queue queue) {
        return rows.get(queue);
    }

    public int count(Queue queue) {
        return rows.get(queue).size();
    }

    private static List<QueueRow> cut(List<QueueRow> open, Predicate<QueueRow> which, Comparator<QueueRow> order) {
        return open.stream().filter(Objects::nonNull).filter(which).sorted(order).toList();
    }
}
