package io.itsmhub.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsmhub.core.incident.IncidentForm;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.support.ApiTest;
import java.util.ArrayList;
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

/**
 * At-least-once delivery per subscriber: leases fenced by claim tokens, redelivery, back-off, parking and replay of
 * one subscriber's delivery alone, order per ticket, and concurrent claimants.
 */
class OutboxDeliveryTest extends ApiTest {

    static final String A = "probe-a";
    static final String B = "probe-b";

    @Autowired OutboxConsumer consumer;
    @Autowired Outbox outbox;
    @Autowired IncidentService incidents;
    @Autowired OutboxSettings settings;
    @Autowired EventSubscriptions subscriptions;
    @Autowired DeliverySignal signal;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;

    @EventName("TestProbe")
    record Probe(String number, int n) { }

    @EventName("TestUnsubscribed")
    record Unsubscribed(String number) { }

    record Unnamed(String number) { }

    @BeforeEach
    void subscribeAndDrainEarlierEvents() {
        if (!subscriptions.subscribers().contains(A)) {
            subscriptions.register(A, List.of("TestProbe"));
            subscriptions.register(B, List.of("TestProbe", "IncidentCreated"));
        }
        jdbc.update("UPDATE event_publication SET status = 'DONE'");
    }

    @Test
    void aClaimWhoseLeaseRanOutIsDeliveredAgainUnderANewTokenAndTheLateHolderCanNoLongerSettleIt() {
        publish("INC-LEASE", 1);
        Claim first = consumer.claim(A, "hub-1", 10);
        assertThat(first.publications()).extracting(Publication::ticketNumber).containsExactly("INC-LEASE");
        assertThat(consumer.claim(A, "hub-2", 10).isEmpty()).as("hidden while leased").isTrue();

        clock.advance(settings.lease().plusSeconds(1)); // hub-1 hangs past its lease
        Claim second = consumer.claim(A, "hub-2", 10);
        Publication again = second.publications().get(0);
        assertThat(again.id()).isEqualTo(first.publications().get(0).id());
        assertThat(again.attempts()).as("a lease that ran out is not a failed attempt").isZero();
        assertThat(again.payload()).contains("\"number\":\"INC-LEASE\"");

        assertThat(consumer.acknowledge(again.id(), second.token())).isTrue();
        assertThat(consumer.fail(again.id(), first.token(), "late timeout from hub-1"))
                .as("a late failure of the old claim changes nothing").isFalse();
        assertThat(consumer.park(again.id(), first.token(), "late refusal")).isFalse();
        assertThat(consumer.find(again.id()).status()).isEqualTo("DONE");
        clock.advance(settings.lease().plusSeconds(1));
        assertThat(consumer.claim(A, "hub-3", 10).isEmpty()).as("acknowledged never comes back").isTrue();
    }

    @Test
    void aRenewedLeaseKeepsOtherHubsOffWhileABatchIsWorked() {
        publish("INC-RENEW", 1);
        Claim claim = consumer.claim(A, "hub-1", 10);
        clock.advance(settings.lease().minusSeconds(1));
        assertThat(consumer.renew(claim.token())).isTrue();
        clock.advance(settings.lease().minusSeconds(1));
        assertThat(consumer.claim(A, "hub-2", 10).isEmpty()).isTrue();
        assertThat(consumer.acknowledge(claim.publications().get(0).id(), claim.token())).isTrue();
        assertThat(consumer.renew(claim.token())).as("nothing left to renew").isFalse();
    }

    @Test
    void aFailedDeliveryIsRetriedWithGrowingBackOffThenParkedAndCanBeReplayed() {
        publish("INC-FAIL", 1);
        Claim first = consumer.claim(A, "w", 1);
        String id = first.publications().get(0).id();
        consumer.fail(id, first.token(), "connect timed out");
        assertThat(consumer.claim(A, "w", 1).isEmpty()).as("not before its back-off").isTrue();
        clock.advance(settings.firstRetry());
        fail(id, "connect timed out");
        clock.advance(settings.firstRetry());
        assertThat(consumer.claim(A, "w", 1).isEmpty()).as("the second delay is twice the first").isTrue();
        clock.advance(settings.firstRetry());
        fail(id, "HTTP 503"); // third attempt of three: parked

        assertThat(consumer.parked(A)).extracting(Publication::id, Publication::lastError, Publication::attempts)
                .contains(org.assertj.core.groups.Tuple.tuple(id, "HTTP 503", 3));
        clock.advance(settings.maxRetry().multipliedBy(2));
        assertThat(consumer.claim(A, "w", 10).isEmpty()).isTrue();

        consumer.replay(id);
        assertThat(consumer.claim(A, "w", 10).publications()).extracting(Publication::id).containsExactly(id);
    }

    @Test
    void eachSubscriberHasItsOwnDeliveryAndOneThatFailsIsRetriedAlone() {
        publish("INC-TWO", 1);
        Claim a = consumer.claim(A, "w", 10);
        Claim b = consumer.claim(B, "w", 10);
        assertThat(a.publications()).hasSize(1);
        assertThat(b.publications()).hasSize(1);
        assertThat(a.publications().get(0).eventId()).isEqualTo(b.publications().get(0).eventId());
        consumer.acknowledge(a.publications().get(0).id(), a.token());
        consumer.fail(b.publications().get(0).id(), b.token(), "OA system down");

        clock.advance(settings.maxRetry());
        assertThat(consumer.claim(A, "w", 10).isEmpty()).as("the subscriber that succeeded is done once").isTrue();
        assertThat(consumer.claim(B, "w", 10).publications()).extracting(Publication::ticketNumber).containsExactly("INC-TWO");
        assertThat(consumer.backlog().subscribers().get(B)).containsEntry("PENDING", 1L);
        assertThat(consumer.backlog().subscribers().get(A)).containsEntry("PENDING", 0L);
    }

    @Test
    void aSubscriberNeverSeesATicketsNextEventBeforeTheEarlierOneIsDoneOrParkedWhileOtherTicketsFlowOn() {
        publish("INC-ORDER", 1); // say: resolved (silence) while Alertmanager is down
        publish("INC-ORDER", 2); // then: reopened (expire)
        publish("INC-OTHER", 1);
        Claim first = consumer.claim(A, "w", 10);
        assertThat(first.publications()).extracting(p -> p.ticketNumber() + "#" + p.payload().replaceAll(".*\"n\":(\\d+).*", "$1"))
                .containsExactly("INC-ORDER#1", "INC-OTHER#1");
        Publication one = first.publications().get(0);
        consumer.fail(one.id(), first.token(), "Alertmanager down");
        consumer.acknowledge(first.publications().get(1).id(), first.token());

        assertThat(consumer.claim(A, "w", 10).isEmpty()).as("#2 waits while #1 backs off").isTrue();
        clock.advance(settings.firstRetry());
        Claim retry = consumer.claim(A, "w", 10);
        assertThat(retry.publications()).extracting(Publication::id).containsExactly(one.id());
        consumer.park(one.id(), retry.token(), "refused");

        Claim next = consumer.claim(A, "w", 10);
        assertThat(next.publications()).as("a parked event no longer holds the ticket back")
                .extracting(Publication::payload).singleElement().asString().contains("\"n\":2");
    }

    @Test
    void aReleasedClaimIsDueAgainAtOnceWithoutCountingAnAttempt() {
        publish("INC-STOP", 1);
        Claim claim = consumer.claim(A, "stopping-hub", 10);
        assertThat(consumer.release(claim.publications().get(0).id(), claim.token())).isTrue();
        Claim again = consumer.claim(A, "other-hub", 10);
        assertThat(again.publications()).singleElement().extracting(Publication::attempts).isEqualTo(0);
    }

    @Test
    void concurrentClaimantsNeverDeliverTheSamePublicationTwice() throws Exception {
        int total = 300;
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < total; i++) {
                outbox.publish("INC-C" + (i % 40), new Probe("INC-C" + (i % 40), i));
            }
        });
        Set<String> processed = ConcurrentHashMap.newKeySet();
        List<String> duplicates = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String name = "hub-" + w;
            workers.add(pool.submit(() -> {
                start.await();
                int handled = 0;
                int idle = 0;
                while (idle < 50) {
                    Claim claim = consumer.claim(A, name, 7);
                    if (claim.isEmpty()) {
                        idle++;
                        Thread.onSpinWait();
                        continue;
                    }
                    idle = 0;
                    for (Publication p : claim.publications()) {
                        if (!processed.add(p.id())) {
                            duplicates.add(p.id());
                        }
                        consumer.acknowledge(p.id(), claim.token());
                        handled++;
                    }
                }
                return handled;
            }));
        }
        start.countDown();
        int handled = 0;
        for (Future<Integer> worker : workers) {
            handled += worker.get();
        }
        pool.shutdown();
        assertThat(duplicates).isEmpty();
        assertThat(handled).isEqualTo(total);
        assertThat(consumer.backlog().subscribers().get(A)).containsEntry("PENDING", 0L);
    }

    @Test
    void aCommitWakesTheDispatchersAndARollbackDoesNot() {
        long before = signal.generation();
        tx.executeWithoutResult(status -> {
            outbox.publish("INC-WAKE", new Probe("INC-WAKE", 1));
            outbox.publish("INC-WAKE", new Probe("INC-WAKE", 2));
            assertThat(signal.generation()).as("not before the commit").isEqualTo(before);
        });
        assertThat(signal.generation()).as("once per transaction").isEqualTo(before + 1);
        tx.executeWithoutResult(status -> {
            outbox.publish("INC-WAKE", new Probe("INC-WAKE", 3));
            status.setRollbackOnly();
        });
        assertThat(signal.generation()).isEqualTo(before + 1);
        tx.executeWithoutResult(status -> outbox.publish("INC-WAKE", new Unsubscribed("INC-WAKE")));
        assertThat(signal.generation()).as("nobody to wake for an event without subscribers").isEqualTo(before + 1);
    }

    @Test
    void anEventWithoutAStableNameCannotBePublished() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> outbox.publish("INC-X", new Unnamed("INC-X"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@EventName");
    }

    @Test
    void eventsCarryTheirTicketTypeAndPayloadForSubscribers() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("alice", null,
                AuthorityUtils.createAuthorityList("ROLE_AGENT")));
        try {
            String number = incidents.create(new IncidentForm("Disk full", null, null, null, null, null, null, null,
                    null, "alertmanager", "fp-123")).number();
            List<Publication> claimed = consumer.claim(B, "w", 10).publications();
            assertThat(claimed).extracting(Publication::type).containsExactly("IncidentCreated");
            assertThat(claimed.get(0).ticketNumber()).isEqualTo(number);
            assertThat(claimed.get(0).payload()).contains("\"sourceRef\":\"fp-123\"", "\"source\":\"alertmanager\"");
            assertThat(consumer.forTicket(number)).singleElement().satisfies(event -> {
                assertThat(event.status()).isEqualTo("PENDING");
                assertThat(event.deliveries()).extracting(OutboxEvent.Delivery::subscriber).containsExactly(B);
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void publish(String number, int n) {
        tx.executeWithoutResult(status -> outbox.publish(number, new Probe(number, n)));
    }

    private void fail(String id, String error) {
        Claim claim = consumer.claim(A, "w", 1);
        assertThat(claim.publications()).extracting(Publication::id).containsExactly(id);
        assertThat(consumer.fail(id, claim.token(), error)).isTrue();
    }
}
