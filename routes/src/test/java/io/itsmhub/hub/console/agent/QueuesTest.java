package io.itsmhub.hub.console.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsmhub.core.ticket.Priority;
import io.itsmhub.hub.console.agent.Queues.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which open ticket lands in which queue, and in what order; no hub needed. */
class QueuesTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void eachQueueTakesItsTicketsMostUrgentFirst() {
        QueueRow mineP3 = row("INC-1", Priority.P3, "platform", "alice", NOW.plus(Duration.ofHours(30)), false);
        QueueRow mineP1 = row("INC-2", Priority.P1, "platform", "alice", NOW.plus(Duration.ofHours(3)), false);
        QueueRow groupsOther = row("REQ-3", Priority.P2, "service-desk", "mike", NOW.plus(Duration.ofMinutes(90)), false);
        QueueRow nobodys = row("INC-4", Priority.P4, null, null, NOW.minus(Duration.ofMinutes(5)), true);
        QueueRow elsewhere = row("INC-5", Priority.P1, "database", "dora", null, false);

        Queues queues = Queues.of(List.of(mineP3, mineP1, groupsOther, nobodys, elsewhere), "alice",
                Set.of("platform", "service-desk"), NOW);

        assertThat(numbers(queues, Queue.MINE)).containsExactly("INC-2", "INC-1");
        assertThat(numbers(queues, Queue.GROUPS)).containsExactly("INC-2", "REQ-3", "INC-1");
        assertThat(numbers(queues, Queue.UNASSIGNED)).containsExactly("INC-4");
        assertThat(numbers(queues, Queue.BREACHING)).as("overdue first, then due within two hours; none without a target")
                .containsExactly("INC-4", "REQ-3");
        assertThat(queues.count(Queue.GROUPS)).isEqualTo(3);
    }

    @Test
    void aTicketFlaggedAsBreachedIsBreachingEvenWhenItsResolutionTargetIsFar() {
        QueueRow responseMissed = row("INC-6", Priority.P3, null, null, NOW.plus(Duration.ofDays(2)), true);
        assertThat(numbers(Queues.of(List.of(responseMissed), "alice", Set.of(), NOW), Queue.BREACHING)).containsExactly("INC-6");
        assertThat(responseMissed.left(NOW)).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void anUnknownQueueParameterShowsMyWork() {
        assertThat(Queue.fromParam("breaching")).isEqualTo(Queue.BREACHING);
        assertThat(Queue.fromParam("nonsense")).isEqualTo(Queue.MINE);
        assertThat(Queue.fromParam(null)).isEqualTo(Queue.MINE);
    }

    private static QueueRow row(String number, Priority priority, String group, String assignee, Instant due, boolean breached) {
        QueueRow.Kind kind = number.startsWith("REQ") ? QueueRow.Kind.REQUEST : QueueRow.Kind.INCIDENT;
        return new QueueRow(kind, number, "t " + number, priority, "NEW", group, assignee, due, breached, NOW.minusSeconds(60));
    }

    private static List<String> numbers(Queues queues, Queue queue) {
        return queues.get(queue).stream().map(QueueRow::number).toList();
    }
}
