package io.itsmhub.core.ticket;

import io.itsmhub.core.common.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * The work queues agents take tickets from, over the open tickets of any type with the common work columns
 * (assignee, assignmentGroup, priority, resolutionDue): asked of the database, so that a desk with
 * thousands of open tickets sees its oldest unassigned one as surely as its newest.
 */
public enum WorkQueue {
    /** Assigned to me. */
    MINE,
    /** Assigned to one of my support groups, to me or to anyone. */
    GROUPS,
    /** Nobody's yet. */
    UNASSIGNED,
    /**
     * Resolution target missed, or due within {@link #SOON}: most urgent first. A missed response target alone does
     * not put a ticket here (its badge says so in the other queues): this queue is about what is to be resolved now,
     * and a plain range on the indexed target keeps it cheap however many tickets are open.
     */
    BREACHING;

    public static final Duration SOON = Duration.ofHours(2);

    public <T> Specification<T> of(String me, Set<String> myGroups, Instant now) {
        // "within two hours" to the minute: the same query for a minute, which the database may answer from its cache
        Instant soon = now.truncatedTo(ChronoUnit.MINUTES).plus(SOON);
        return switch (this) {
            case MINE -> (root, query, cb) -> cb.equal(root.get("assignee"), me);
            case GROUPS -> myGroups.isEmpty() ? (root, query, cb) -> cb.disjunction()
                    : (root, query, cb) -> root.get("assignmentGroup").in(myGroups);
            case UNASSIGNED -> (root, query, cb) -> cb.isNull(root.get("assignee"));
            case BREACHING -> (root, query, cb) -> cb.lessThanOrEqualTo(root.<Instant>get("resolutionDue"), soon);
        };
    }

    /** The order agents work a queue in: the most urgent priority first, or, when breaching, the earliest target. */
    public Sort order() {
        Sort byDue = Sort.by("resolutionDue");
        return this == BREACHING ? byDue.and(Sort.by("priority")).and(Sort.by("createdAt"))
                : Sort.by("priority").and(byDue).and(Sort.by("createdAt"));
    }

    public static WorkQueue fromParam(String value) {
        for (WorkQueue queue : values()) {
            if (queue.name().equalsIgnoreCase(value)) {
                return queue;
            }
        }
        throw InvalidInputException.of("queue", "must be one of mine, groups, unassigned, breaching");
    }
}
