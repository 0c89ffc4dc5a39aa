package io.itsmhub.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsmhub.core.incident.IncidentForm;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.support.ApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** At-least-once delivery: leases, redelivery, back-off, parking and replay, and concurrent consumers. */
class OutboxDeliveryTest extends ApiTest {

    @Autowired OutboxConsumer consumer;
    @Autowired Outbox outbox;
    @Autowired IncidentService incidents;
    @Autowired OutboxSettings settings;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;

    record Probe(String number, int n) { }

    @BeforeEach
    void drainEarlierEvents() {
        jdbc.update("UPDATE outbox_event SET status = 'DONE'");
    }

    @Test
    void aClaimedEventThatIsNotAcknowledgedIsDeliveredAgainAfterItsLease() {
        String id = publish("INC-LEASE", 1);
        assertThat(consumer.claim("worker-a", 10)).extracting(OutboxEvent::id).containsExactly(id);
        assertThat(consumer.claim("worker-b", 10)).as("hidden while leased").isEmpty();

        clock.advance(settings.lease().plusSeconds(1)); // worker-a died without acknowledging

        List<OutboxEvent> again = consumer.claim("worker-b", 10);
        assertThat(again).extracting(OutboxEvent::id).containsExactly(id);
        assertThat(again.get(0).attempts()).isEqualTo(2);
        assertThat(again.get(0).payload()).contains("\"number\":\"INC-LEASE\"");
        consumer.acknowledge(id);
        clock.advance(settings.lease().plusSeconds(1));
        assertThat(consumer.claim("worker-c", 10)).as("acknowledged events never come back").isEmpty();
    }

    @Test
    void aFailedEventIsRetriedWithGrowingBackOffThenParkedAndCanBeReplayed() {
        String id = publish("INC-FAIL", 1);
        consumer.claim("w", 1);
        consumer.fail(id, "connect timed out");
        assertThat(consumer.claim("w", 1)).as("not before its back-off").isEmpty();
        clock.advance(settings.firstRetry());
        assertThat(consumer.claim("w", 1)).extracting(OutboxEvent::id).containsExactly(id);
        consumer.fail(id, "connect timed out");
        clock.advance(settings.firstRetry());
        assertThat(consumer.claim("w", 1)).as("the second delay is twice the first").isEmpty();
        clock.advance(settings.firstRetry());
        assertThat(consumer.claim("w", 1)).extracting(OutboxEvent::id).containsExactly(id);
        consumer.fail(id, "HTTP 503"); // third attempt of three: parked

        assertThat(consumer.parked()).extracting(OutboxEvent::id, OutboxEvent::lastError).contains(org.assertj.core.groups.Tuple.tuple(id, "HTTP 503"));
        clock.advance(settings.maxRetry().multipliedBy(2));
        assertThat(consumer.claim("w", 10)).isEmpty();

        consumer.replay(id);
        assertThat(consumer.claim("w", 10)).extracting(OutboxEvent::id).containsExactly(id);
    }

    @Test
    void twoConsumersNeverProcessTheSameEvent() throws Exception {
        int total = 300;
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < total; i++) {
                outbox.publish("INC-CONC", new Probe("INC-CONC", i));
            }
        });
        Set<String> processed = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String name = "consumer-" + w;
            workers.add(pool.submit(() -> {
                start.await();
                int handled = 0;
                List<OutboxEvent> batch;
                while (!(batch = consumer.claim(name, 7)).isEmpty()) {
                    for (OutboxEvent event : batch) {
                        if (!processed.add(event.id())) {
                            synchronized (duplicates) {
                                duplicates.add(event.id());
                            }
                        }
                        consumer.acknowledge(event.id());
                        handled++;
                    }
                }
                return handled;
            }));
        }
        start.countDown();
        int handled = 0;
        Set<Integer> perWorker = new HashSet<>();
        for (Future<Integer> worker : workers) {
            int n = worker.get();
            handled += n;
            perWorker.add(n);
        }
        pool.shutdown();
        assertThat(duplicates).isEmpty();
        assertThat(handled).isEqualTo(total);
        assertThat(processed).hasSize(total);
    }

    @Test
    void eventsCarryTheirTicketAndTypeForConsumers() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("alice", null,
                AuthorityUtils.createAuthorityList("ROLE_AGENT")));
        try {
            String number = incidents.create(new IncidentForm("Disk full", null, null, null, null, null, null, null,
                    null, "alertmanager", "fp-123")).number();
            List<OutboxEvent> claimed = consumer.claim("w", 10);
            assertThat(claimed).extracting(OutboxEvent::type).containsExactly("IncidentCreated");
            assertThat(claimed.get(0).ticketNumber()).isEqualTo(number);
            assertThat(claimed.get(0).payload()).contains("\"sourceRef\":\"fp-123\"", "\"source\":\"alertmanager\"");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String publish(String number, int n) {
        return tx.execute(status -> outbox.publish(number, new Probe(number, n)));
    }

}
