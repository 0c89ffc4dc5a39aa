package io.itsmhub.hub.console.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsmhub.core.common.Priority;
import io.itsmhub.hub.console.agent.Queues.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the shown queue's incidents and requests are merged into one working order; which ticket belongs to which
 * queue is the core's (QueueApiTest). No hub needed.
 */
class QueuesTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    final QueueRow p3Incident = row("INC-1", Priority.P3, NOW.plus(Duration.ofHours(30)));
    final QueueRow p1Incident = row("INC-2", Priority.P1, NOW.plus(Duration.ofHours(3)));
    final QueueRow p2Request = row("REQ-3", Priority.P2, NOW.plus(Duration.ofMinutes(90)));
    final QueueRow overdueP4 = row("INC-4", Priority.P4, NOW.minus(Duration.ofMinutes(5)));
    final QueueRow noTargetP1 = row("REQ-5", Priority.P1, null);

    @Test
    void aQueueIsWorkedMostUrgentPriorityFirstThenByTargetAcrossIncidentsAndRequests() {
        Queues mine = Queues.of(Queue.MINE, Map.of(Queue.MINE, 5L), List.of(p3Incident, p2Request, noTargetP1, overdueP4,
                p1Incident), false);
        assertThat(numbers(mine, Queue.MINE)).containsExactly("INC-2", "REQ-5", "REQ-3", "INC-1", "INC-4");
        assertThat(mine.get(Queue.GROUPS)).as("only the shown queue's rows are read").isEmpty();
        assertThat(mine.count(Queue.MINE)).isEqualTo(5);
        assertThat(mine.count(Queue.UNASSIGNED)).isZero();
    }

    @Test
    void theBreachingQueueIsWorkedByTargetOverdueFirst() {
        Queues breaching = Queues.of(Queue.BREACHING, Map.of(), List.of(p1Incident, p2Request, overdueP4), false);
        assertThat(numbers(breaching, Queue.BREACHING)).containsExactly("INC-4", "REQ-3", "INC-2");
        assertThat(overdueP4.left(NOW)).isEqualTo(Duration.ofMinutes(-5));
    }

    @Test
    void anUnknownQueueParameterShowsMyWork() {
        assertThat(Queue.fromParam("breaching")).isEqualTo(Queue.BREACHING);
        assertThat(Queue.fromParam("nonsense")).isEqualTo(Queue.MINE);
        assertThat(Queue.fromParam(null)).isEqualTo(Queue.MINE);
    }

    private static QueueRow row(String number, Priority priority, Instant due) {
        QueueRow.Kind kind = number.startsWith("REQ") ? QueueRow.Kind.REQUEST : QueueRow.Kind.INCIDENT;
        return new QueueRow(kind, number, "t " + number, priority, "NEW", "platform", "alice", due, false,
                NOW.minusSeconds(60));
    }

    private static List<String> numbers(Queues queues, Queue queue) {
        return queues.get(queue).stream().map(QueueRow::number).toList();
    }
}
